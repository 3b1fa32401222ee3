package com.crmvoice.adapters.dataverse;

import com.crmvoice.core.config.DataverseConfig;
import com.crmvoice.core.port.CrmRejectedException;
import com.crmvoice.core.port.CrmUnavailableException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Microsoft identity platform's OAuth 2.0 client credentials flow, in plain HTTP: a POST of
 * client_id, client_secret, scope ({org URL}/.default) and grant_type to
 * {authority}/{tenant}/oauth2/v2.0/token. The token is cached until shortly before its {@code
 * expires_in} runs out, and replaced once when Dataverse refuses it (401); concurrent callers share
 * one sign-in. A refused grant (wrong secret, tenant, scope) is permanent; an unreachable or
 * failing endpoint is retryable.
 */
final class DataverseAuth {

  private static final Logger LOG = LoggerFactory.getLogger(DataverseAuth.class);

  /** A token is replaced this long before it expires, so no request carries one that just did. */
  static final Duration EXPIRY_MARGIN = Duration.ofMinutes(2);

  /** An access token and when to stop using it. Never logged. */
  record Token(String accessToken, Instant useUntil) {
    @Override
    public String toString() {
      return "Token[useUntil=" + useUntil + "]";
    }
  }

  private final DataverseConfig config;
  private final HttpClient http;
  private final Clock clock;
  private Token token;
  private int signIns;

  DataverseAuth(DataverseConfig config, HttpClient http, Clock clock) {
    this.config = config;
    this.http = http;
    this.clock = clock;
  }

  /** The cached token, signing in first when there is none or it is about to expire. */
  synchronized Token token() {
    if (token == null || !clock.instant().isBefore(token.useUntil())) {
      token = signIn();
    }
    return token;
  }

  /** Dataverse refused {@code stale}: sign in again, unless another caller already did. */
  synchronized Token refresh(Token stale) {
    if (token == null || token.accessToken().equals(stale.accessToken())) {
      LOG.info("dataverse refused the access token (401); signing in again");
      token = signIn();
    }
    return token;
  }

  /** Token requests made so far. */
  synchronized int signIns() {
    return signIns;
  }

  private Token signIn() {
    signIns++;
    String body =
        form("client_id", config.clientId())
            + "&"
            + form("client_secret", config.clientSecret())
            + "&"
            + form("scope", config.scope())
            + "&"
            + form("grant_type", "client_credentials");
    HttpRequest request =
        HttpRequest.newBuilder(config.tokenUrl())
            .timeout(config.timeout())
            .header("Content-Type", "application/x-www-form-urlencoded")
            .header("Accept", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build();
    HttpResponse<String> response;
    try {
      response = http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new CrmUnavailableException(
          "TOKEN_ENDPOINT_UNREACHABLE", "sign-in failed: " + e.getClass().getSimpleName(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CrmUnavailableException("INTERRUPTED", "sign-in interrupted", e);
    }
    JsonNode json = DataverseHttp.parse(response.body());
    if (response.statusCode() >= 500 || response.statusCode() == 429) {
      throw new CrmUnavailableException(
          "TOKEN_ENDPOINT_" + response.statusCode(),
          "sign-in failed with HTTP " + response.statusCode(),
          null,
          DataverseHttp.retryAfter(response));
    }
    if (response.statusCode() != 200 || json == null || !json.hasNonNull("access_token")) {
      String error =
          json == null ? "invalid_response" : json.path("error").asText("invalid_response");
      // error_description starts with the AADSTS code that says what is wrong; it names no secret.
      String description = json == null ? "" : json.path("error_description").asText("");
      int line = description.indexOf('\r');
      throw new CrmRejectedException(
          error.toUpperCase(Locale.ROOT),
          "Microsoft Entra refused the sign-in: "
              + error
              + " "
              + (line < 0 ? description : description.substring(0, line)));
    }
    long expiresIn = json.path("expires_in").asLong(3599);
    Instant useUntil = clock.instant().plusSeconds(expiresIn).minus(EXPIRY_MARGIN);
    LOG.info("signed in to dataverse {} (token for {} s)", config.orgUrl(), expiresIn);
    return new Token(json.get("access_token").asText(), useUntil);
  }

  private static String form(String key, String value) {
    return key + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
