package com.crmvoice.adapters.salesforce;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.crmvoice.core.config.SalesforceConfig;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

class SalesforceAuthTest {

  @Test
  void theJwtAssertionIsRs256SignedWithTheDocumentedClaims() throws Exception {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
    generator.initialize(2048);
    KeyPair keys = generator.generateKeyPair();
    String pem =
        "-----BEGIN PRIVATE KEY-----\n"
            + Base64.getMimeEncoder().encodeToString(keys.getPrivate().getEncoded())
            + "\n-----END PRIVATE KEY-----\n";
    SalesforceConfig config =
        new SalesforceConfig(
            URI.create("https://acme.my.salesforce.com"), // a My Domain login URL
            "62.0",
            SalesforceConfig.AuthFlow.JWT_BEARER,
            "consumer-key",
            null,
            "int@example.com",
            pem,
            null,
            List.of(),
            Duration.ofSeconds(5));
    Instant now = Instant.parse("2026-03-01T09:00:00Z");
    SalesforceAuth auth =
        new SalesforceAuth(config, HttpClient.newHttpClient(), Clock.fixed(now, ZoneOffset.UTC));

    String[] parts = auth.assertion().split("\\.");

    ObjectMapper json = new ObjectMapper();
    JsonNode header = json.readTree(Base64.getUrlDecoder().decode(parts[0]));
    JsonNode claims = json.readTree(Base64.getUrlDecoder().decode(parts[1]));
    assertThat(header.get("alg").asText()).isEqualTo("RS256");
    assertThat(claims.get("iss").asText()).isEqualTo("consumer-key");
    assertThat(claims.get("sub").asText()).isEqualTo("int@example.com");
    // Not the My Domain:
    // https://help.salesforce.com/s/articleView?id=sf.remoteaccess_oauth_jwt_flow.htm
    assertThat(claims.get("aud").asText()).isEqualTo("https://login.salesforce.com");
    assertThat(claims.get("exp").asLong()).isEqualTo(now.plusSeconds(180).getEpochSecond());
    Signature verifier = Signature.getInstance("SHA256withRSA");
    verifier.initVerify(keys.getPublic());
    verifier.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
    assertThat(verifier.verify(Base64.getUrlDecoder().decode(parts[2]))).isTrue();
  }

  @Test
  void aPkcs1KeyIsRefusedWithTheConversionCommand() {
    assertThatThrownBy(
            () ->
                SalesforceAuth.parsePrivateKey(
                    "-----BEGIN RSA PRIVATE KEY-----\nabc\n-----END RSA PRIVATE KEY-----"))
        .hasMessageContaining("openssl pkcs8");
  }
}
