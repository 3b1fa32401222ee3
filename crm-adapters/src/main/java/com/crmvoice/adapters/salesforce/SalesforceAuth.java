package com.crmvoice.adapters.salesforce;

import com.crmvoice.core.config.SalesforceConfig;
import com.crmvoice.core.port.CrmRejectedException;
import com.crmvoice.core.port.CrmUnavailableException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * OAuth 2.0 server-to-server sign-in for the worker and refresher: the JWT bearer flow (an RS256
 * assertion signed with the JDK's own crypto) or the client credentials flow. The session (access
 * token and instance URL) is cached until Salesforce refuses it or it reaches its maximum age;
 * concurrent callers share one refresh.
 */
final class SalesforceAuth {

  private static final Logger LOG = LoggerFactory.getLogger(SalesforceAuth.class);
  private static final ObjectMapper JSON = new ObjectMapper();

  /** Salesforce does not return expires_in; sessions last at least this long by default. */
  static final Duration MAX_SESSION_AGE = Duration.ofHours(1);

  /** Salesforce accepts JWT assertions that expire within 3 minutes. */
  private static final Duration ASSERTION_LIFETIME = Duration.ofMinutes(3);

  /** An access token with the instance it belongs to. Never logged. */
  record Session(String accessToken, URI instanceUrl, Instant obtainedAt) {
    @Override
    public String toString() {
      return "Session[instanceUrl=" + instanceUrl + ", obtainedAt=" + obtainedAt + "]";
    }
  }

  private final SalesforceConfig config;
  private final HttpClient http;
  private final Clock clock;
  private final PrivateKey privateKey;
  private Session session;

  SalesforceAuth(SalesforceConfig config, HttpClient http, Clock clock) {
    this.config = config;
    this.http = http;
    this.clock = clock;
    this.privateKey =
        config.authFlow() == SalesforceConfig.AuthFlow.JWT_BEARER
            ? parsePrivateKey(config.privateKeyPem())
            : null;
  }

  /** The cached session, signing in first if there is none or it is too old. */
  synchronized Session session() {
    if (session == null || session.obtainedAt().plus(MAX_SESSION_AGE).isBefore(clock.instant())) {
      session = signIn();
    }
    return session;
  }

  /**
   * Salesforce refused {@code stale}: sign in again, unless another caller already replaced it, in
   * which case the newer session is returned without a second sign-in.
   */
  synchronized Session refresh(Session stale) {
    if (session == null || session.accessToken().equals(stale.accessToken())) {
      LOG.info("salesforce session refused (INVALID_SESSION_ID); signing in again");
      session = signIn();
    }
    return session;
  }

  private Session signIn() {
    Map<String, String> form = new LinkedHashMap<>();
    if (config.authFlow() == SalesforceConfig.AuthFlow.JWT_BEARER) {
      form.put("grant_type", "urn:ietf:params:oauth:grant-type:jwt-bearer");
      form.put("assertion", assertion());
    } else {
      form.put("grant_type", "client_credentials");
      form.put("client_id", config.clientId());
      form.put("client_secret", config.clientSecret());
    }
    String body =
        form.entrySet().stream()
            .map(
                e ->
                    URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8)
                        + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
            .collect(Collectors.joining("&"));
    HttpRequest request =
        HttpRequest.newBuilder(config.loginUrl().resolve("/services/oauth2/token"))
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
    JsonNode json = parse(response.body());
    if (response.statusCode() >= 500) {
      throw new CrmUnavailableException(
          "TOKEN_ENDPOINT_" + response.statusCode(),
          "sign-in failed with HTTP " + response.statusCode());
    }
    if (response.statusCode() != 200 || json == null || !json.hasNonNull("access_token")) {
      String error =
          json == null ? "invalid_response" : json.path("error").asText("invalid_response");
      String description = json == null ? "" : json.path("error_description").asText("");
      // A refused grant is a configuration problem (key, user, connected app): not retryable.
      throw new CrmRejectedException(
          error.toUpperCase(java.util.Locale.ROOT),
          "Salesforce refused the sign-in: " + error + " " + description);
    }
    URI instance = URI.create(json.path("instance_url").asText(config.loginUrl().toString()));
    LOG.info(
        "signed in to salesforce instance {} with the {} flow",
        instance,
        config.authFlow().configName());
    return new Session(json.get("access_token").asText(), instance, clock.instant());
  }

  /** The RS256-signed JWT bearer assertion: iss = consumer key, sub = user, aud = audience. */
  String assertion() {
    String header = base64Url("{\"alg\":\"RS256\"}".getBytes(StandardCharsets.UTF_8));
    Map<String, Object> claims = new LinkedHashMap<>();
    claims.put("iss", config.clientId());
    claims.put("sub", config.username());
    claims.put("aud", audience());
    claims.put("exp", clock.instant().plus(ASSERTION_LIFETIME).getEpochSecond());
    String payload;
    try {
      payload = base64Url(JSON.writeValueAsBytes(claims));
      Signature signer = Signature.getInstance("SHA256withRSA");
      signer.initSign(privateKey);
      signer.update((header + "." + payload).getBytes(StandardCharsets.US_ASCII));
      return header + "." + payload + "." + base64Url(signer.sign());
    } catch (IOException | GeneralSecurityException e) {
      throw new IllegalStateException("could not sign the JWT assertion", e);
    }
  }

  /**
   * login.salesforce.com or test.salesforce.com (or an Experience Cloud site), never the My Domain
   * host the token request goes to: {@link SalesforceConfig#jwtAudience()}.
   */
  private String audience() {
    String url = config.jwtAudience().toString();
    return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
  }

  static PrivateKey parsePrivateKey(String pem) {
    if (pem.contains("BEGIN RSA PRIVATE KEY")) {
      throw new IllegalArgumentException(
          "the private key is PKCS#1; convert it with: openssl pkcs8 -topk8 -nocrypt -in key.pem -out key-pkcs8.pem");
    }
    String base64 = pem.replaceAll("-----(BEGIN|END) PRIVATE KEY-----", "").replaceAll("\\s", "");
    try {
      return KeyFactory.getInstance("RSA")
          .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      throw new IllegalArgumentException("the private key is not a PKCS#8 PEM RSA key", e);
    }
  }

  private static String base64Url(byte[] bytes) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  private static JsonNode parse(String body) {
    try {
      return body == null || body.isBlank() ? null : JSON.readTree(body);
    } catch (IOException e) {
      return null;
    }
  }
}
