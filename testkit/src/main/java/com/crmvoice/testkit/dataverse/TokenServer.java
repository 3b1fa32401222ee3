package com.crmvoice.testkit.dataverse;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * The Microsoft identity platform's v2.0 token endpoint for the client credentials flow, as strict
 * as Entra on what the adapter relies on: POST {@code /{tenant}/oauth2/v2.0/token}, form-encoded;
 * an unknown tenant is 400 invalid_request (AADSTS90002); grant_type must be client_credentials
 * (400 unsupported_grant_type); an unknown client_id 400 unauthorized_client (AADSTS700016); a
 * wrong secret 401 invalid_client (AADSTS7000215); the scope must be the environment's URL followed
 * by /.default (400 invalid_scope, AADSTS1002012 for a scope without /.default). The token is
 * issued to the application user and lasts {@link #LIFETIME}.
 */
final class TokenServer {

  static final Duration LIFETIME = Duration.ofMinutes(60);

  private final Users users;
  private final String tenantId;
  private final String clientId;
  private final String clientSecret;
  private final String applicationUserId;
  private final java.util.function.Supplier<String> orgUrl;

  TokenServer(
      Users users,
      String tenantId,
      String clientId,
      String clientSecret,
      String applicationUserId,
      java.util.function.Supplier<String> orgUrl) {
    this.users = users;
    this.tenantId = tenantId;
    this.clientId = clientId;
    this.clientSecret = clientSecret;
    this.applicationUserId = applicationUserId;
    this.orgUrl = orgUrl;
  }

  DvResponse token(String tenant, String method, String contentType, String body) {
    if (!tenant.equals(tenantId)) {
      return error(400, "invalid_request", "AADSTS90002: Tenant '" + tenant + "' not found.");
    }
    if (!method.equals("POST")) {
      return error(
          405, "invalid_request", "AADSTS900561: The endpoint only accepts POST requests.");
    }
    if (contentType == null || !contentType.startsWith("application/x-www-form-urlencoded")) {
      return error(
          400,
          "invalid_request",
          "AADSTS900144: The request body must contain the grant_type parameter.");
    }
    Map<String, String> form = form(body);
    if (!"client_credentials".equals(form.get("grant_type"))) {
      return error(
          400,
          "unsupported_grant_type",
          "AADSTS70003: The app requested an unsupported grant type.");
    }
    if (!clientId.equals(form.get("client_id"))) {
      return error(
          400,
          "unauthorized_client",
          "AADSTS700016: Application with identifier was not found in the directory.");
    }
    if (!clientSecret.equals(form.get("client_secret"))) {
      return error(401, "invalid_client", "AADSTS7000215: Invalid client secret provided.");
    }
    String scope = resourceScope(form.get("scope"));
    if (scope == null || !scope.endsWith("/.default")) {
      return error(
          400,
          "invalid_scope",
          "AADSTS1002012: The provided value for scope is not valid. Client credential flows must have a scope value with /.default suffixed to the resource identifier.");
    }
    if (!scope.equals(orgUrl.get() + "/.default")) {
      return error(
          400,
          "invalid_scope",
          "AADSTS500011: The resource principal named " + scope + " was not found in the tenant.");
    }
    ObjectNode answer = DvResponse.JSON.createObjectNode();
    answer.put("token_type", "Bearer");
    answer.put("expires_in", LIFETIME.toSeconds());
    answer.put("ext_expires_in", LIFETIME.toSeconds());
    answer.put("access_token", users.issue(applicationUserId, LIFETIME));
    return DvResponse.json(200, answer);
  }

  /**
   * The scope parameter less the OpenID Connect scopes the identity platform ignores in this flow
   * (openid, profile, offline_access: MSAL libraries add them to every request); null unless one
   * resource scope remains.
   */
  private static String resourceScope(String scope) {
    if (scope == null) {
      return null;
    }
    java.util.List<String> rest =
        java.util.Arrays.stream(scope.strip().split(" +"))
            .filter(s -> !java.util.Set.of("openid", "profile", "offline_access").contains(s))
            .toList();
    return rest.size() == 1 ? rest.get(0) : null;
  }

  private static DvResponse error(int status, String error, String description) {
    ObjectNode body = DvResponse.JSON.createObjectNode();
    body.put("error", error);
    body.put("error_description", description);
    body.putArray("error_codes")
        .add(Integer.parseInt(description.substring(6, description.indexOf(':'))));
    return DvResponse.json(status, body);
  }

  private static Map<String, String> form(String body) {
    Map<String, String> form = new HashMap<>();
    for (String pair : (body == null ? "" : body).split("&")) {
      int eq = pair.indexOf('=');
      if (eq > 0) {
        form.put(
            URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
            URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
      }
    }
    return form;
  }
}
