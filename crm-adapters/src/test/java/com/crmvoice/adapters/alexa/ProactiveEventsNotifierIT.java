package com.crmvoice.adapters.alexa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.crmvoice.core.config.EnvironmentReader;
import com.crmvoice.core.config.EnvironmentVariables;
import com.crmvoice.core.config.NotificationConfig;
import com.crmvoice.core.domain.Notice;
import com.crmvoice.core.domain.Recipient;
import com.crmvoice.core.port.NotifierRejectedException;
import com.crmvoice.core.port.NotifierUnavailableException;
import com.crmvoice.testkit.alexa.FakeLwaTokenEndpoint;
import com.crmvoice.testkit.alexa.FakeProactiveEventsApi;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The notifier against the fake Login with Amazon and Proactive Events endpoints on loopback. */
class ProactiveEventsNotifierIT {

  private static final Recipient ADA = new Recipient("amzn1.ask.account.ADA", "de-DE", "EU");
  private static final Recipient BOB = new Recipient("amzn1.ask.account.BOB", "en-US", "NA");

  private final Clock clock = Clock.systemUTC();
  private final FakeLwaTokenEndpoint lwa =
      FakeLwaTokenEndpoint.start("amzn1.application-oa2-client.skill", "s3cret", clock);
  private final FakeProactiveEventsApi api = FakeProactiveEventsApi.start(lwa);

  @AfterEach
  void stop() {
    api.close();
    lwa.close();
  }

  private ProactiveEventsNotifier notifier(Map<String, String> extra) {
    Map<String, String> env = new HashMap<>();
    env.put(EnvironmentVariables.ALEXA_CLIENT_ID, "amzn1.application-oa2-client.skill");
    env.put(EnvironmentVariables.ALEXA_CLIENT_SECRET, "s3cret");
    env.put(EnvironmentVariables.ALEXA_LWA_TOKEN_URL, lwa.tokenUrl().toString());
    env.put(EnvironmentVariables.ALEXA_API_ENDPOINT, api.endpoint().toString());
    env.putAll(extra);
    return ProactiveEventsNotifier.create(
        NotificationConfig.fromEnv(EnvironmentReader.of(env)), clock);
  }

  private static Notice notice(String commandId, Recipient to, String code) {
    return new Notice(Notice.referenceIdFor(commandId), to, code, "Ada Lovelace");
  }

  @Test
  void sendsAMessageAlertTheApiAccepts_toThatUserOnly_inTheirLocale() {
    notifier(Map.of()).send(notice("c1", ADA, "DUPLICATES_DETECTED"));

    assertThat(api.accepted()).hasSize(1);
    FakeProactiveEventsApi.Event event = api.accepted().get(0);
    assertThat(event.stage()).isEqualTo("development");
    assertThat(event.name()).isEqualTo("AMAZON.MessageAlert.Activated");
    assertThat(event.user()).isEqualTo("amzn1.ask.account.ADA");
    assertThat(event.referenceId()).isEqualTo("crmvoice-command-c1");
    assertThat(event.locale()).isEqualTo("de-DE");
    assertThat(event.creatorName()).contains("Ada Lovelace").contains("nicht in Salesforce");
  }

  @Test
  void wordsAConflictAsAQuestionForTheUser() {
    notifier(Map.of()).send(notice("c1", BOB, "RECORD_CHANGED"));

    assertThat(api.accepted().get(0).creatorName()).contains("changed in Salesforce");
  }

  @Test
  void wordsALeadChangedSinceTheUserHeardItAsAQuestionForTheUser() {
    notifier(Map.of()).send(notice("c2", BOB, "LEAD_CHANGED"));

    assertThat(api.accepted().get(0).creatorName()).contains("changed in Salesforce");
  }

  @Test
  void sendsToTheLiveStage_whenConfigured() {
    notifier(Map.of(EnvironmentVariables.PROACTIVE_EVENTS_STAGE, "live"))
        .send(notice("c1", BOB, "X"));

    assertThat(api.accepted())
        .extracting(FakeProactiveEventsApi.Event::stage)
        .containsExactly("live");
  }

  @Test
  void cachesTheToken_acrossSends() {
    ProactiveEventsNotifier notifier = notifier(Map.of());

    notifier.send(notice("c1", ADA, "X"));
    notifier.send(notice("c2", BOB, "X"));
    notifier.send(notice("c3", ADA, "X"));

    assertThat(api.accepted()).hasSize(3);
    assertThat(lwa.grants()).isEqualTo(1);
  }

  @Test
  void fetchesANewToken_onceWhenTheApiRefusesTheCachedOne() {
    ProactiveEventsNotifier notifier = notifier(Map.of());
    notifier.send(notice("c1", ADA, "X"));

    lwa.revokeAll();
    notifier.send(notice("c2", ADA, "X"));

    assertThat(api.accepted()).hasSize(2);
    assertThat(lwa.grants()).isEqualTo(2);
  }

  @Test
  void fetchesANewToken_whenTheCachedOneIsAboutToExpire() {
    Instant start = Instant.now();
    Clock[] now = {Clock.fixed(start, ZoneOffset.UTC)};
    Clock moving =
        new Clock() {
          @Override
          public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
          }

          @Override
          public Clock withZone(java.time.ZoneId zone) {
            return this;
          }

          @Override
          public Instant instant() {
            return now[0].instant();
          }
        };
    Map<String, String> env = new HashMap<>();
    env.put(EnvironmentVariables.ALEXA_CLIENT_ID, "amzn1.application-oa2-client.skill");
    env.put(EnvironmentVariables.ALEXA_CLIENT_SECRET, "s3cret");
    env.put(EnvironmentVariables.ALEXA_LWA_TOKEN_URL, lwa.tokenUrl().toString());
    env.put(EnvironmentVariables.ALEXA_API_ENDPOINT, api.endpoint().toString());
    ProactiveEventsNotifier notifier =
        ProactiveEventsNotifier.create(
            NotificationConfig.fromEnv(EnvironmentReader.of(env)), moving);
    notifier.send(notice("c1", ADA, "X"));

    now[0] = Clock.fixed(start.plus(Duration.ofMinutes(59).plusSeconds(30)), ZoneOffset.UTC);
    notifier.send(notice("c2", ADA, "X"));

    assertThat(lwa.grants()).isEqualTo(2);
  }

  @Test
  void throttlingAndServerErrors_areRetryable() {
    ProactiveEventsNotifier notifier = notifier(Map.of());
    api.failNext(429, 1);
    api.failNext(503, 1);

    assertThatThrownBy(() -> notifier.send(notice("c1", ADA, "X")))
        .isInstanceOf(NotifierUnavailableException.class);
    assertThatThrownBy(() -> notifier.send(notice("c1", ADA, "X")))
        .isInstanceOf(NotifierUnavailableException.class);
    notifier.send(notice("c1", ADA, "X"));
    assertThat(api.accepted()).hasSize(1);
  }

  @Test
  void aForbiddenEvent_isRejectedForGood() {
    api.failNext(403, 1);

    assertThatThrownBy(() -> notifier(Map.of()).send(notice("c1", ADA, "X")))
        .isInstanceOfSatisfying(
            NotifierRejectedException.class, e -> assertThat(e.status()).isEqualTo(403));
  }

  @Test
  void wrongClientCredentials_areRejectedForGood() {
    assertThatThrownBy(
            () ->
                notifier(Map.of(EnvironmentVariables.ALEXA_CLIENT_SECRET, "wrong"))
                    .send(notice("c1", ADA, "X")))
        .isInstanceOfSatisfying(
            NotifierRejectedException.class, e -> assertThat(e.status()).isEqualTo(401));
    assertThat(api.accepted()).isEmpty();
  }

  @Test
  void theFakeRefusesAnEventOutsideTheDocumentedBounds() throws Exception {
    // The notifier's own body with its expiry moved past 24 hours: the fake answers 400.
    ProactiveEventsNotifier notifier = notifier(Map.of());
    String body = notifier.body(notice("c1", ADA, "X"));
    Instant stamp =
        Instant.parse(
            new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(body)
                .get("timestamp")
                .asText());
    String tooLate =
        body.replaceFirst(
            "\"expiryTime\":\"[^\"]+\"",
            "\"expiryTime\":\"" + stamp.plus(Duration.ofHours(25)) + "\"");
    java.net.http.HttpResponse<String> response =
        java.net.http.HttpClient.newHttpClient()
            .send(
                java.net.http.HttpRequest.newBuilder(
                        api.endpoint().resolve(FakeProactiveEventsApi.DEVELOPMENT_PATH))
                    .header(
                        "Authorization",
                        "Bearer "
                            + new LwaTokens(
                                    NotificationConfig.fromEnv(
                                        EnvironmentReader.of(
                                            Map.of(
                                                EnvironmentVariables.ALEXA_CLIENT_ID,
                                                "amzn1.application-oa2-client.skill",
                                                EnvironmentVariables.ALEXA_CLIENT_SECRET,
                                                "s3cret",
                                                EnvironmentVariables.ALEXA_LWA_TOKEN_URL,
                                                lwa.tokenUrl().toString()))),
                                    java.net.http.HttpClient.newHttpClient(),
                                    clock)
                                .token())
                    .POST(java.net.http.HttpRequest.BodyPublishers.ofString(tooLate))
                    .build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.body()).contains("expiryTime");
  }
}
