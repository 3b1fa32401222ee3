package com.crmvoice.testkit.salesforce;

import static com.crmvoice.testkit.salesforce.Exchanges.JSON;
import static com.crmvoice.testkit.salesforce.FakeSalesforce.CLIENT_ID;
import static com.crmvoice.testkit.salesforce.FakeSalesforce.CLIENT_SECRET;
import static com.crmvoice.testkit.salesforce.FakeSalesforce.INTEGRATION_USER_ID;
import static com.crmvoice.testkit.salesforce.FakeSalesforce.ORG_ID;
import static com.crmvoice.testkit.salesforce.FakeSalesforce.PASSWORD;
import static com.crmvoice.testkit.salesforce.FakeSalesforce.USERNAME;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.time.Clock;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * The fake's OAuth 2.0 side: the token endpoint (JWT bearer with signature, issuer, audience and
 * expiry checks; client credentials; password; refresh token), userinfo, and the users and access
 * tokens the data requests authenticate against. Its leniencies are listed on {@link
 * FakeSalesforce}.
 */
final class OAuthServer {

  private record User(String id, String username, String name, String email) {}

  private record Token(String userId, long generation) {}

  private final Clock clock;
  private final OrgSettings org;
  private final Exchanges exchanges;
  private final Supplier<URI> baseUrl;
  private final KeyPair keys;
  private final Map<String, User> usersById = new ConcurrentHashMap<>();
  private final Map<String, Token> tokens = new ConcurrentHashMap<>();
  private final Map<String, String> refreshTokens = new ConcurrentHashMap<>();
  private volatile long tokenGeneration;

  OAuthServer(Clock clock, OrgSettings org, Exchanges exchanges, Supplier<URI> baseUrl) {
    this.clock = clock;
    this.org = org;
    this.exchanges = exchanges;
    this.baseUrl = baseUrl;
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
      generator.initialize(2048);
      this.keys = generator.generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
    addUser(INTEGRATION_USER_ID, USERNAME, "Integration User", USERNAME);
    addUser(
        FakeSalesforce.DEMO_USER_ID, "demo@crmvoice.example", "Dana Demo", "demo@crmvoice.example");
  }

  void addUser(String id, String username, String name, String email) {
    usersById.put(id, new User(id, username, name, email));
  }

  String privateKeyPem() {
    String body =
        Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
            .encodeToString(keys.getPrivate().getEncoded());
    return "-----BEGIN PRIVATE KEY-----\n" + body + "\n-----END PRIVATE KEY-----\n";
  }

  String issueUserToken(String userId) {
    usersById.computeIfAbsent(
        userId,
        id -> new User(id, id + "@crmvoice.example", "User " + id, id + "@crmvoice.example"));
    return newToken(userId);
  }

  String issueRefreshToken(String userId) {
    issueUserToken(userId);
    String refresh = "5Aep" + UUID.randomUUID().toString().replace("-", "");
    refreshTokens.put(refresh, userId);
    return refresh;
  }

  /** Every access token issued so far stops working (a session timeout, a revoked app). */
  void expireAllTokens() {
    tokenGeneration++;
  }

  /** The user of the request's bearer token, or null when it has none or a dead one. */
  String authenticate(HttpExchange exchange) {
    String header = exchange.getRequestHeaders().getFirst("Authorization");
    if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
      return null;
    }
    Token token = tokens.get(header.substring(7).trim());
    if (token == null || token.generation() < tokenGeneration) {
      return null;
    }
    return token.userId();
  }

  private String newToken(String userId) {
    String token =
        ORG_ID.substring(0, 15)
            + "!"
            + UUID.randomUUID().toString().replace("-", "")
            + UUID.randomUUID().toString().replace("-", "");
    tokens.put(token, new Token(userId, tokenGeneration));
    return token;
  }

  // ---- /services/oauth2/token ----

  void token(HttpExchange exchange) throws IOException {
    if (!exchange.getRequestMethod().equals("POST")) {
      exchanges.sendOAuthError(exchange, 400, "invalid_request", "must use HTTP POST");
      return;
    }
    Map<String, String> form = Exchanges.parseForm(Exchanges.readBody(exchange));
    String grant = form.getOrDefault("grant_type", "");
    switch (grant) {
      case "urn:ietf:params:oauth:grant-type:jwt-bearer" ->
          jwtBearer(exchange, form.get("assertion"));
      case "client_credentials" -> {
        String[] basic = Exchanges.basicAuth(exchange);
        String id = basic != null ? basic[0] : form.get("client_id");
        String secret = basic != null ? basic[1] : form.get("client_secret");
        if (!CLIENT_ID.equals(id)) {
          exchanges.sendOAuthError(exchange, 400, "invalid_client_id", "client identifier invalid");
        } else if (!CLIENT_SECRET.equals(secret)) {
          exchanges.sendOAuthError(exchange, 400, "invalid_client", "invalid client credentials");
        } else {
          sendToken(exchange, INTEGRATION_USER_ID);
        }
      }
      case "password" -> {
        if (!CLIENT_ID.equals(form.get("client_id"))
            || !CLIENT_SECRET.equals(form.get("client_secret"))) {
          exchanges.sendOAuthError(exchange, 400, "invalid_client_id", "client identifier invalid");
        } else if (!USERNAME.equals(form.get("username"))
            || !PASSWORD.equals(form.get("password"))) {
          exchanges.sendOAuthError(exchange, 400, "invalid_grant", "authentication failure");
        } else {
          sendToken(exchange, INTEGRATION_USER_ID);
        }
      }
      case "refresh_token" -> {
        String userId = refreshTokens.get(form.getOrDefault("refresh_token", ""));
        if (!CLIENT_ID.equals(form.get("client_id"))) {
          exchanges.sendOAuthError(exchange, 400, "invalid_client_id", "client identifier invalid");
        } else if (userId == null) {
          exchanges.sendOAuthError(exchange, 400, "invalid_grant", "expired access/refresh token");
        } else {
          sendToken(exchange, userId);
        }
      }
      default ->
          exchanges.sendOAuthError(
              exchange, 400, "unsupported_grant_type", "grant type not supported");
    }
  }

  private void jwtBearer(HttpExchange exchange, String assertion) throws IOException {
    if (assertion == null) {
      exchanges.sendOAuthError(exchange, 400, "invalid_request", "assertion is required");
      return;
    }
    String[] parts = assertion.split("\\.");
    if (parts.length != 3) {
      exchanges.sendOAuthError(exchange, 400, "invalid_grant", "invalid assertion");
      return;
    }
    JsonNode header;
    JsonNode claims;
    try {
      header = JSON.readTree(Base64.getUrlDecoder().decode(parts[0]));
      claims = JSON.readTree(Base64.getUrlDecoder().decode(parts[1]));
      Signature verifier = Signature.getInstance("SHA256withRSA");
      verifier.initVerify(keys.getPublic());
      verifier.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
      if (!"RS256".equals(header.path("alg").asText())
          || !verifier.verify(Base64.getUrlDecoder().decode(parts[2]))) {
        exchanges.sendOAuthError(exchange, 400, "invalid_grant", "invalid assertion");
        return;
      }
    } catch (IOException | GeneralSecurityException | IllegalArgumentException e) {
      exchanges.sendOAuthError(exchange, 400, "invalid_grant", "invalid assertion");
      return;
    }
    if (!CLIENT_ID.equals(claims.path("iss").asText())) {
      exchanges.sendOAuthError(exchange, 400, "invalid_client_id", "client identifier invalid");
      return;
    }
    // aud is login.salesforce.com (production) or test.salesforce.com (sandbox), whatever host
    // the request went to; the My Domain (here: this fake's own URL) is refused:
    // https://help.salesforce.com/s/articleView?id=sf.remoteaccess_oauth_jwt_flow.htm
    if (!org.jwtAudience().equals(claims.path("aud").asText())) {
      exchanges.sendOAuthError(exchange, 400, "invalid_grant", "audience is invalid");
      return;
    }
    if (claims.path("exp").asLong(0) * 1000 <= clock.millis()) {
      exchanges.sendOAuthError(exchange, 400, "invalid_grant", "expired authorization code");
      return;
    }
    User user =
        usersById.values().stream()
            .filter(u -> u.username().equals(claims.path("sub").asText()))
            .findFirst()
            .orElse(null);
    if (user == null) {
      exchanges.sendOAuthError(
          exchange, 400, "invalid_grant", "user hasn't approved this consumer");
      return;
    }
    sendToken(exchange, user.id());
  }

  private void sendToken(HttpExchange exchange, String userId) throws IOException {
    ObjectNode body = JSON.createObjectNode();
    body.put("access_token", newToken(userId));
    body.put(
        "signature",
        Base64.getEncoder()
            .encodeToString(UUID.randomUUID().toString().getBytes(StandardCharsets.US_ASCII)));
    body.put("scope", "api");
    body.put("instance_url", baseUrl.get().toString());
    body.put("id", baseUrl.get() + "/id/" + ORG_ID + "/" + userId);
    body.put("token_type", "Bearer");
    body.put("issued_at", Long.toString(clock.millis()));
    exchanges.sendJson(exchange, 200, body, false);
  }

  // ---- /services/oauth2/userinfo ----

  void userinfo(HttpExchange exchange) throws IOException {
    String userId = authenticate(exchange);
    if (userId == null) {
      byte[] body = "Bad_OAuth_Token".getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().set("Content-Type", "text/plain;charset=UTF-8");
      exchange.sendResponseHeaders(403, body.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
      return;
    }
    User user = usersById.get(userId);
    ObjectNode body = JSON.createObjectNode();
    body.put("sub", baseUrl.get() + "/id/" + ORG_ID + "/" + userId);
    body.put("user_id", userId);
    body.put("organization_id", ORG_ID);
    body.put("preferred_username", user.username());
    body.put("nickname", user.username().split("@")[0]);
    body.put("name", user.name());
    body.put("email", user.email());
    body.put("email_verified", true);
    body.put("zoneinfo", "America/Los_Angeles");
    body.put("locale", "en_US");
    body.put("user_type", "STANDARD");
    exchanges.sendJson(exchange, 200, body, false);
  }
}
