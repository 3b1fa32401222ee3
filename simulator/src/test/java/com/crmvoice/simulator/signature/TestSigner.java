package com.crmvoice.simulator.signature;

import com.crmvoice.testkit.alexa.AlexaRequests;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.CertificateFactory;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * Plays Alexa's part with the committed test fixtures (see signature/generate.sh): signs bodies
 * with the test signing key and serves the PEM chains at s3.amazonaws.com/echo.api/ URLs.
 */
final class TestSigner {

  static final String CHAIN_URL = "https://s3.amazonaws.com/echo.api/echo-api-cert-test.pem";
  static final String EXPIRED_URL = "https://s3.amazonaws.com/echo.api/expired.pem";
  static final String WRONG_SAN_URL = "https://s3.amazonaws.com/echo.api/wrong-san.pem";
  static final String ROGUE_URL = "https://s3.amazonaws.com/echo.api/rogue.pem";

  final Map<URI, byte[]> served = new HashMap<>();
  int downloads;
  private final PrivateKey key;
  private final X509Certificate ca;

  TestSigner() {
    try {
      KeyStore store = KeyStore.getInstance("PKCS12");
      try (InputStream in = resource("fixtures.p12")) {
        store.load(in, "changeit".toCharArray());
      }
      key = (PrivateKey) store.getKey("signer", "changeit".toCharArray());
      try (InputStream in = resource("ca.pem")) {
        ca = (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
      }
      served.put(
          URI.create("https://s3.amazonaws.com:443/echo.api/echo-api-cert-test.pem"),
          bytes("chain.pem"));
      served.put(
          URI.create("https://s3.amazonaws.com:443/echo.api/expired.pem"),
          bytes("expired-chain.pem"));
      served.put(
          URI.create("https://s3.amazonaws.com:443/echo.api/wrong-san.pem"),
          bytes("wrong-san-chain.pem"));
      served.put(
          URI.create("https://s3.amazonaws.com:443/echo.api/rogue.pem"), bytes("rogue-chain.pem"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The fetcher the verifier gets: the fixtures by URL, nothing else. */
  AlexaRequestVerifier.CertificateFetcher fetcher() {
    return url -> {
      downloads++;
      byte[] pem = served.get(url);
      if (pem == null) {
        throw new IOException("404 " + url);
      }
      return pem;
    };
  }

  Set<TrustAnchor> anchors() {
    return Set.of(new TrustAnchor(ca, null));
  }

  /** Base64 SHA256withRSA of {@code body} under the test signing key (the Signature-256 header). */
  String sign(byte[] body) {
    try {
      Signature signature = Signature.getInstance("SHA256withRSA");
      signature.initSign(key);
      signature.update(body);
      return Base64.getEncoder().encodeToString(signature.sign());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  static byte[] body(Instant timestamp) {
    return AlexaRequests.launch()
        .skillId("amzn1.ask.skill.test")
        .userId("u")
        .session("s", true)
        .requestId("r")
        .timestamp(timestamp)
        .toBytes();
  }

  private static byte[] bytes(String name) throws IOException {
    try (InputStream in = resource(name)) {
      return in.readAllBytes();
    }
  }

  private static InputStream resource(String name) {
    InputStream in = TestSigner.class.getResourceAsStream("/signature/" + name);
    if (in == null) {
      throw new IllegalStateException("missing test fixture /signature/" + name);
    }
    return in;
  }
}
