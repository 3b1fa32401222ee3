package com.crmvoice.simulator.signature;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.crmvoice.simulator.signature.AlexaRequestVerifier.VerificationException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AlexaRequestVerifierTest {

  private static final Instant NOW = Instant.parse("2030-01-01T12:00:00Z");

  private final TestSigner alexa = new TestSigner();
  private final AlexaRequestVerifier verifier =
      new AlexaRequestVerifier(alexa.fetcher(), alexa.anchors(), Clock.fixed(NOW, ZoneOffset.UTC));

  @Test
  void acceptsARequestSignedByTheChainsSigningCertificate() {
    byte[] body = TestSigner.body(NOW.minusSeconds(5));

    assertThatCode(() -> verifier.verify(TestSigner.CHAIN_URL, alexa.sign(body), body))
        .doesNotThrowAnyException();
  }

  @Test
  void downloadsAChainOnce_andReusesItForLaterRequests() {
    byte[] first = TestSigner.body(NOW);
    byte[] second = TestSigner.body(NOW.plusSeconds(1));

    verifier.verify(TestSigner.CHAIN_URL, alexa.sign(first), first);
    verifier.verify(TestSigner.CHAIN_URL, alexa.sign(second), second);

    assertThat(alexa.downloads).isEqualTo(1);
  }

  @Test
  void rejectsARequestWithoutSignatureHeaders() {
    byte[] body = TestSigner.body(NOW);

    assertThatThrownBy(() -> verifier.verify(null, alexa.sign(body), body))
        .isInstanceOf(VerificationException.class)
        .hasMessageContaining("SignatureCertChainUrl");
    assertThatThrownBy(() -> verifier.verify(TestSigner.CHAIN_URL, null, body))
        .isInstanceOf(VerificationException.class)
        .hasMessageContaining("Signature-256");
  }

  @Test
  void rejectsATamperedBody() {
    byte[] body = TestSigner.body(NOW);
    String signature = alexa.sign(body);
    byte[] tampered =
        new String(body, StandardCharsets.UTF_8)
            .replace("LaunchRequest", "IntentRequest")
            .getBytes(StandardCharsets.UTF_8);

    assertThatThrownBy(() -> verifier.verify(TestSigner.CHAIN_URL, signature, tampered))
        .isInstanceOf(VerificationException.class)
        .hasMessageContaining("signature does not match");
  }

  @Test
  void rejectsASignatureThatIsNotBase64() {
    byte[] body = TestSigner.body(NOW);

    assertThatThrownBy(() -> verifier.verify(TestSigner.CHAIN_URL, "%%%not base64%%%", body))
        .isInstanceOf(VerificationException.class);
  }

  @ParameterizedTest
  @ValueSource(longs = {151, 600, -151})
  void rejectsATimestampMoreThan150SecondsFromNow(long secondsAgo) {
    byte[] body = TestSigner.body(NOW.minusSeconds(secondsAgo));

    assertThatThrownBy(() -> verifier.verify(TestSigner.CHAIN_URL, alexa.sign(body), body))
        .isInstanceOf(VerificationException.class)
        .hasMessageContaining("150 seconds");
  }

  @Test
  void acceptsATimestampExactly150SecondsOld() {
    byte[] body = TestSigner.body(NOW.minusSeconds(150));

    assertThatCode(() -> verifier.verify(TestSigner.CHAIN_URL, alexa.sign(body), body))
        .doesNotThrowAnyException();
  }

  @Test
  void rejectsAnExpiredSigningCertificate() {
    byte[] body = TestSigner.body(NOW);

    assertThatThrownBy(() -> verifier.verify(TestSigner.EXPIRED_URL, alexa.sign(body), body))
        .isInstanceOf(VerificationException.class)
        .hasMessageContaining("expired");
  }

  @Test
  void rejectsASigningCertificateNotYetValid() {
    AlexaRequestVerifier early =
        new AlexaRequestVerifier(
            alexa.fetcher(),
            alexa.anchors(),
            Clock.fixed(Instant.parse("2020-01-01T00:00:00Z"), ZoneOffset.UTC));
    byte[] body = TestSigner.body(Instant.parse("2020-01-01T00:00:00Z"));

    assertThatThrownBy(() -> early.verify(TestSigner.CHAIN_URL, alexa.sign(body), body))
        .isInstanceOf(VerificationException.class)
        .hasMessageContaining("not yet valid");
  }

  @Test
  void rejectsACertificateWithoutEchoApiInItsSubjectAlternativeNames() {
    byte[] body = TestSigner.body(NOW);

    assertThatThrownBy(() -> verifier.verify(TestSigner.WRONG_SAN_URL, alexa.sign(body), body))
        .isInstanceOf(VerificationException.class)
        .hasMessageContaining("echo-api.amazon.com");
  }

  @Test
  void rejectsAChainThatDoesNotLeadToATrustedRoot() {
    byte[] body = TestSigner.body(NOW);

    assertThatThrownBy(() -> verifier.verify(TestSigner.ROGUE_URL, alexa.sign(body), body))
        .isInstanceOf(VerificationException.class)
        .hasMessageContaining("trusted root");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "https://s3.amazonaws.com/echo.api/echo-api-cert.pem",
        "https://s3.amazonaws.com:443/echo.api/echo-api-cert.pem",
        "https://s3.amazonaws.com/echo.api/../echo.api/echo-api-cert.pem",
        "HTTPS://s3.amazonaws.com/echo.api/echo-api-cert.pem",
        "https://S3.AMAZONAWS.COM/echo.api/echo-api-cert.pem",
        "https://s3.amazonaws.com/%65cho.api/echo-api-cert.pem",
        "https://s3.amazonaws.com/echo.api/./echo-api-cert.pem",
        "https://s3.amazonaws.com/echo.api/x/%2e%2e/echo-api-cert.pem"
      })
  void acceptsTheCertificateUrlsAmazonDescribesAsValid(String url) {
    assertThat(AlexaRequestVerifier.validateCertChainUrl(url))
        .hasToString("https://s3.amazonaws.com:443/echo.api/echo-api-cert.pem");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "http://s3.amazonaws.com/echo.api/echo-api-cert.pem",
        "https://notamazon.com/echo.api/echo-api-cert.pem",
        "https://s3.amazonaws.com/EcHo.aPi/echo-api-cert.pem",
        "https://s3.amazonaws.com/invalid.path/echo-api-cert.pem",
        "https://s3.amazonaws.com:563/echo.api/echo-api-cert.pem",
        "https://s3.amazonaws.com/echo.api/../invalid.path/echo-api-cert.pem",
        "https://s3.amazonaws.com/echo.api/%2e%2e/invalid.path/echo-api-cert.pem",
        "https://s3.amazonaws.com/echo.api/%2E%2E/%2e%2E/echo-api-cert.pem",
        "https://s3.amazonaws.com/echo.api/.%2e/invalid.path/echo-api-cert.pem",
        "https://s3.amazonaws.com/%65cho.api/%2e%2e/x.pem",
        "https://s3.amazonaws.com/echo.api/echo-api-cert.pem?x=1",
        "https://s3.amazonaws.com/echo.api/echo-api-cert.pem?",
        "https://s3.amazonaws.com/echo.api/echo-api-cert.pem#part",
        "https://user@s3.amazonaws.com/echo.api/echo-api-cert.pem",
        "https://s3.amazonaws.com/echo.api/bad%zzescape.pem",
        "not a url"
      })
  void rejectsCertificateUrlsAmazonDescribesAsInvalid(String url) {
    assertThatThrownBy(() -> AlexaRequestVerifier.validateCertChainUrl(url))
        .isInstanceOf(VerificationException.class);
  }

  @Test
  void neverDownloadsFromAnInvalidCertificateUrl() {
    byte[] body = TestSigner.body(NOW);

    assertThatThrownBy(
            () ->
                verifier.verify("https://evil.example/echo.api/chain.pem", alexa.sign(body), body))
        .isInstanceOf(VerificationException.class);
    assertThat(alexa.downloads).isZero();
  }

  @Test
  void keysTheCacheByTheNormalisedUrl_soSpellingsOfOneUrlShareOneChain() {
    String[] spellings = {
      TestSigner.CHAIN_URL,
      "HTTPS://S3.AMAZONAWS.COM/echo.api/echo-api-cert-test.pem",
      "https://s3.amazonaws.com:443/echo.api/./echo-api-cert-test.pem",
      "https://s3.amazonaws.com/%65cho.api/echo-api-cert-test.pem"
    };
    for (String url : spellings) {
      byte[] body = TestSigner.body(NOW);
      verifier.verify(url, alexa.sign(body), body);
    }

    assertThat(alexa.downloads).isEqualTo(1);
    assertThat(verifier.cachedChains()).isEqualTo(1);
  }

  @Test
  void holdsABoundedNumberOfChains_howeverManyUrlsAreTried() {
    byte[] pem = alexa.served.get(AlexaRequestVerifier.validateCertChainUrl(TestSigner.CHAIN_URL));
    for (int i = 0; i < 100; i++) {
      String url = "https://s3.amazonaws.com/echo.api/copy-" + i + ".pem";
      alexa.served.put(AlexaRequestVerifier.validateCertChainUrl(url), pem);
      byte[] body = TestSigner.body(NOW);
      verifier.verify(url, alexa.sign(body), body);
    }

    assertThat(verifier.cachedChains()).isEqualTo(AlexaRequestVerifier.MAX_CACHED_CHAINS);
  }

  @Test
  void keepsNoChainForARequestWhoseSignatureFails() {
    byte[] body = TestSigner.body(NOW);

    assertThatThrownBy(() -> verifier.verify(TestSigner.CHAIN_URL, "AAAA", body))
        .isInstanceOf(VerificationException.class);
    assertThat(verifier.cachedChains()).isZero();
  }
}
