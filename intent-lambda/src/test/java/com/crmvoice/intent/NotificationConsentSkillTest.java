package com.crmvoice.intent;

import static com.crmvoice.intent.SkillHarness.speech;
import static org.assertj.core.api.Assertions.assertThat;

import com.crmvoice.core.domain.CrmUser;
import com.crmvoice.core.domain.Recipient;
import com.crmvoice.core.fakes.InMemoryCommandLog;
import com.crmvoice.core.fakes.InMemoryCommandQueue;
import com.crmvoice.core.fakes.InMemoryCrmGateway;
import com.crmvoice.core.fakes.InMemoryLeadCache;
import com.crmvoice.core.fakes.InMemoryNotificationLog;
import com.crmvoice.core.fakes.InMemoryRefreshQueue;
import com.crmvoice.core.fakes.MutableClock;
import com.crmvoice.core.port.NotificationLog.Claim;
import com.crmvoice.core.service.notify.RecipientRecordingCommandLog;
import com.crmvoice.core.service.skill.CachingIdentityResolver;
import com.crmvoice.core.service.skill.CommandIds;
import com.crmvoice.core.service.skill.CreateLeadService;
import com.crmvoice.core.service.skill.LeadStatusService;
import com.crmvoice.core.service.skill.TopLeadService;
import com.crmvoice.intent.notify.CurrentRecipient;
import com.crmvoice.intent.notify.NotificationConsent;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The skill as Wiring builds it for notifications: a confirmed command records who gave it, and the
 * first command of a user who has not granted the notifications permission carries the
 * AskForPermissionsConsent card, once.
 */
class NotificationConsentSkillTest {

  private final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T09:00:00Z"));
  private final InMemoryCommandLog log = new InMemoryCommandLog();
  private final InMemoryNotificationLog notifications = new InMemoryNotificationLog(log);
  private final IntentStreamHandler handler;

  NotificationConsentSkillTest() {
    InMemoryCrmGateway crm = new InMemoryCrmGateway(clock);
    crm.addUser(SkillHarness.ALICE_TOKEN, new CrmUser(SkillHarness.ALICE, "Alice"));
    InMemoryLeadCache cache = new InMemoryLeadCache();
    InMemoryCommandQueue queue = new InMemoryCommandQueue();
    var recording =
        new RecipientRecordingCommandLog(
            log, notifications, CurrentRecipient.INSTANCE, new NotificationConsent(notifications));
    handler =
        new IntentStreamHandler(
            new SkillServices(
                SkillHarness.SKILL_ID,
                new CachingIdentityResolver(crm, clock, Duration.ofMinutes(5), 100),
                new TopLeadService(
                    cache,
                    crm,
                    new InMemoryRefreshQueue(),
                    clock,
                    5,
                    Duration.ofSeconds(2),
                    Runnable::run),
                new CreateLeadService(recording, queue, clock),
                new LeadStatusService(log),
                com.crmvoice.intent.progressive.ProgressiveResponses.NONE,
                SkillHarness.leadWork(cache, crm, recording, queue, clock)));
  }

  private JsonNode confirm(String requestId, String locale, String consentToken) {
    ObjectNode envelope =
        (ObjectNode)
            SkillHarness.readTree(SkillHarness.resource("create-lead-completed-confirmed.json"));
    ((ObjectNode) envelope.get("request")).put("requestId", requestId).put("locale", locale);
    ObjectNode system = (ObjectNode) envelope.at("/context/System");
    system.put("apiEndpoint", "https://api.eu.amazonalexa.com");
    if (consentToken != null) {
      ((ObjectNode) system.get("user")).putObject("permissions").put("consentToken", consentToken);
    }
    return SkillHarness.invoke(handler, envelope.toString().getBytes(StandardCharsets.UTF_8));
  }

  private static String commandId(String requestId) {
    return CommandIds.fromRequestId("CreateLead", requestId);
  }

  @Test
  void aConfirmedCommandRecordsItsAlexaUserLocaleAndRegion() {
    confirm("req-1", "en-GB", null);

    assertThat(notifications.claim(commandId("req-1"), clock.instant(), Duration.ofSeconds(30)))
        .isEqualTo(new Claim.Claimed(new Recipient("amzn1.ask.account.ALICE", "en-GB", "EU")));
  }

  @ParameterizedTest
  @ValueSource(strings = {"en-US", "en-GB", "de-DE"})
  void theFirstCommandAsksForThePermissionOnce_andNeverAgain(String locale) {
    JsonNode first = confirm("req-1", locale, null);
    JsonNode second = confirm("req-2", locale, null);

    assertThat(first.at("/response/card/type").asText()).isEqualTo("AskForPermissionsConsent");
    assertThat(first.at("/response/card/permissions/0").asText())
        .isEqualTo("alexa::devices:all:notifications:write");
    assertThat(speech(first)).contains(locale.equals("de-DE") ? "Alexa-App" : "Alexa app");
    assertThat(second.at("/response/card").isMissingNode()).isTrue();
    assertThat(speech(second)).doesNotContain("Alexa app").doesNotContain("Alexa-App");
  }

  @Test
  void aUserWhoGrantedThePermission_isNotAsked() {
    JsonNode response = confirm("req-1", "en-US", "consent-token");

    assertThat(response.at("/response/card").isMissingNode()).isTrue();
    assertThat(notifications.markConsentAsked("amzn1.ask.account.ALICE")).isTrue();
  }
}
