package com.crmvoice.adapters.alexa;

import com.crmvoice.core.config.NotificationConfig;
import com.crmvoice.core.domain.Notice;
import com.crmvoice.core.port.Notifier;
import com.crmvoice.core.port.NotifierRejectedException;
import com.crmvoice.core.port.NotifierUnavailableException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * Sends a notice as an Alexa Proactive Event, {@code AMAZON.MessageAlert.Activated} ("You have one
 * new message from …": the creator's name is the localized sentence naming what failed), to one
 * user (a Unicast audience), on the API host of the user's region, at the configured stage.
 *
 * <p>The request and its answers as Amazon documents them:
 * https://developer.amazon.com/en-US/docs/alexa/smapi/proactive-events-api.html and
 * https://developer.amazon.com/en-US/docs/alexa/smapi/schemas-for-proactive-events.html#message-alert
 * — 202 accepted; 401 the token is invalid or expired (fetched anew, sent once more); 429 and 5xx
 * try later ({@link NotifierUnavailableException}); any other 4xx refused for good ({@link
 * NotifierRejectedException}).
 */
public final class ProactiveEventsNotifier implements Notifier {

  public static final String EVENT_NAME = "AMAZON.MessageAlert.Activated";

  private static final ObjectMapper JSON = new ObjectMapper();

  private final NotificationConfig config;
  private final LwaTokens tokens;
  private final HttpClient http;
  private final Clock clock;
  private final NotificationTexts texts = new NotificationTexts();

  public ProactiveEventsNotifier(
      NotificationConfig config, LwaTokens tokens, HttpClient http, Clock clock) {
    this.config = config;
    this.tokens = tokens;
    this.http = http;
    this.clock = clock;
  }

  /** Wires the notifier and its token source on one HTTP client. */
  public static ProactiveEventsNotifier create(NotificationConfig config, Clock clock) {
    HttpClient http = HttpClient.newBuilder().connectTimeout(config.timeout()).build();
    return new ProactiveEventsNotifier(config, new LwaTokens(config, http, clock), http, clock);
  }

  @Override
  public void send(Notice notice) {
    String body = body(notice);
    URI uri = config.endpointFor(notice.recipient().region()).resolve(config.stage().path());
    String token = tokens.token();
    HttpResponse<String> response = post(uri, token, body);
    if (response.statusCode() == 401) {
      response = post(uri, tokens.refresh(token), body);
    }
    int status = response.statusCode();
    if (status == 202 || status == 200) {
      return;
    }
    if (status == 429 || status >= 500 || status == 401) {
      throw new NotifierUnavailableException("proactive events answered HTTP " + status);
    }
    throw new NotifierRejectedException(status, "proactive events refused the event: " + status);
  }

  /** The event as the API expects it; one writer, used by the tests too. */
  String body(Notice notice) {
    Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
    String locale = notice.recipient().locale();
    String creator = texts.creator(locale, notice.reasonCode(), notice.subject());
    ObjectNode root = JSON.createObjectNode();
    root.put("timestamp", now.toString());
    root.put("referenceId", notice.referenceId());
    root.put("expiryTime", now.plus(config.expiry()).toString());
    ObjectNode event = root.putObject("event");
    event.put("name", EVENT_NAME);
    ObjectNode payload = event.putObject("payload");
    payload.putObject("state").put("status", "UNREAD").put("freshness", "NEW");
    ObjectNode group = payload.putObject("messageGroup");
    group.putObject("creator").put("name", creator);
    group.put("count", 1);
    root.putArray("localizedAttributes")
        .addObject()
        .put("locale", locale)
        .put("creatorName", creator);
    ObjectNode audience = root.putObject("relevantAudience");
    audience.put("type", "Unicast");
    audience.putObject("payload").put("user", notice.recipient().alexaUserId());
    return root.toString();
  }

  private HttpResponse<String> post(URI uri, String token, String body) {
    HttpRequest request =
        HttpRequest.newBuilder(uri)
            .timeout(config.timeout())
            .header("Content-Type", "application/json")
            .header("Authorization", "Bearer " + token)
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build();
    try {
      return http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new NotifierUnavailableException(
          "proactive events unreachable: " + e.getClass().getSimpleName(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new NotifierUnavailableException("proactive events call interrupted", e);
    }
  }
}
