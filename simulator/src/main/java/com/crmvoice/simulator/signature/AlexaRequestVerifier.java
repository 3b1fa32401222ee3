package com.crmvoice.simulator.signature;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.Signature;
import java.security.cert.CertPathValidator;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateFactory;
import java.security.cert.CertificateNotYetValidException;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

/**
 * Verifies that a request to an HTTPS skill endpoint comes from Alexa, as Amazon requires of web
 * services (custom skills hosted as a web service, "Verify that the request was sent by Alexa"):
 *
 * <ol>
 *   <li>The SignatureCertChainUrl header, normalised, uses https, host s3.amazonaws.com (any case),
 *       a path starting with /echo.api/ (case-sensitive) and port 443 if it names one.
 *   <li>The PEM certificate chain at that URL is fetched (through a pluggable {@link
 *       CertificateFetcher}, cached per URL); the signing certificate (the first) is within its
 *       validity dates and names echo-api.amazon.com among its subject alternative names, and the
 *       chain leads to a trusted root certificate authority.
 *   <li>The Signature-256 header, base64-decoded, is a SHA256withRSA signature of the raw request
 *       body under the signing certificate's public key.
 *   <li>The request's timestamp is within 150 seconds of now.
 * </ol>
 *
 * A request that fails any check is answered HTTP 400 Bad Request by the endpoint.
 */
public final class AlexaRequestVerifier {

  /** Downloads the PEM chain named by a validated SignatureCertChainUrl. */
  @FunctionalInterface
  public interface CertificateFetcher {
    byte[] fetch(URI url) throws IOException;
  }

  public static final String CERT_URL_HEADER = "SignatureCertChainUrl";
  public static final String SIGNATURE_HEADER = "Signature-256";
  static final String SAN_DOMAIN = "echo-api.amazon.com";
  static final Duration TOLERANCE = Duration.ofSeconds(150);

  private static final ObjectMapper JSON = new ObjectMapper();

  private final CertificateFetcher fetcher;
  private final Set<TrustAnchor> anchors;
  private final Clock clock;
  private final Map<URI, List<X509Certificate>> chains = new ConcurrentHashMap<>();

  public AlexaRequestVerifier(CertificateFetcher fetcher, Set<TrustAnchor> anchors, Clock clock) {
    if (anchors.isEmpty()) {
      throw new IllegalArgumentException("no trust anchors");
    }
    this.fetcher = fetcher;
    this.anchors = Set.copyOf(anchors);
    this.clock = clock;
  }

  /** The verifier for real Alexa traffic: HTTPS downloads, the JDK's trusted roots. */
  public static AlexaRequestVerifier forAlexa(Clock clock) {
    return new AlexaRequestVerifier(new HttpsCertificateFetcher(), jdkTrustAnchors(), clock);
  }

  /** The roots the JDK trusts (its cacerts). */
  public static Set<TrustAnchor> jdkTrustAnchors() {
    try {
      TrustManagerFactory factory =
          TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      factory.init((KeyStore) null);
      Set<TrustAnchor> anchors = new HashSet<>();
      for (var manager : factory.getTrustManagers()) {
        if (manager instanceof X509TrustManager x509) {
          for (X509Certificate root : x509.getAcceptedIssuers()) {
            anchors.add(new TrustAnchor(root, null));
          }
        }
      }
      return anchors;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("the JDK trust store cannot be read", e);
    }
  }

  /**
   * Checks one request.
   *
   * @throws VerificationException with the reason when any check fails
   */
  public void verify(String certChainUrl, String signature256, byte[] body) {
    if (certChainUrl == null || certChainUrl.isBlank()) {
      throw new VerificationException("no " + CERT_URL_HEADER + " header");
    }
    if (signature256 == null || signature256.isBlank()) {
      throw new VerificationException("no " + SIGNATURE_HEADER + " header");
    }
    URI url = validateCertChainUrl(certChainUrl);
    X509Certificate signer = signingCertificate(url);
    checkSignature(signer, signature256, body);
    checkTimestamp(body);
  }

  /** The normalised URL if it is one Amazon would use; otherwise VerificationException. */
  static URI validateCertChainUrl(String raw) {
    URI uri;
    try {
      uri = new URI(raw.strip()).normalize();
    } catch (URISyntaxException e) {
      throw new VerificationException("the certificate chain URL is malformed");
    }
    if (uri.getScheme() == null || !uri.getScheme().equalsIgnoreCase("https")) {
      throw new VerificationException("the certificate chain URL is not https");
    }
    if (uri.getHost() == null || !uri.getHost().equalsIgnoreCase("s3.amazonaws.com")) {
      throw new VerificationException("the certificate chain URL's host is not s3.amazonaws.com");
    }
    String path = uri.getPath();
    if (path == null || !path.startsWith("/echo.api/")) {
      throw new VerificationException("the certificate chain URL's path is not under /echo.api/");
    }
    if (uri.getPort() != -1 && uri.getPort() != 443) {
      throw new VerificationException("the certificate chain URL's port is not 443");
    }
    try {
      return new URI(
          "https", null, uri.getHost().toLowerCase(Locale.ROOT), 443, path, uri.getQuery(), null);
    } catch (URISyntaxException e) {
      throw new VerificationException("the certificate chain URL is malformed");
    }
  }

  private X509Certificate signingCertificate(URI url) {
    List<X509Certificate> chain = chains.get(url);
    if (chain == null) {
      chain = download(url);
      validateChain(chain);
      chains.put(url, chain);
    }
    X509Certificate signer = chain.get(0);
    try {
      signer.checkValidity(Date.from(clock.instant()));
    } catch (CertificateExpiredException e) {
      chains.remove(url);
      throw new VerificationException("the signing certificate has expired");
    } catch (CertificateNotYetValidException e) {
      chains.remove(url);
      throw new VerificationException("the signing certificate is not yet valid");
    }
    return signer;
  }

  private List<X509Certificate> download(URI url) {
    byte[] pem;
    try {
      pem = fetcher.fetch(url);
    } catch (IOException e) {
      throw new VerificationException("the certificate chain could not be downloaded");
    }
    try {
      CertificateFactory factory = CertificateFactory.getInstance("X.509");
      Collection<? extends Certificate> parsed =
          factory.generateCertificates(new ByteArrayInputStream(pem));
      List<X509Certificate> chain = new ArrayList<>();
      for (Certificate certificate : parsed) {
        chain.add((X509Certificate) certificate);
      }
      if (chain.isEmpty()) {
        throw new VerificationException("the certificate chain is empty");
      }
      return List.copyOf(chain);
    } catch (CertificateException e) {
      throw new VerificationException("the certificate chain is not PEM X.509");
    }
  }

  private void validateChain(List<X509Certificate> chain) {
    X509Certificate signer = chain.get(0);
    try {
      signer.checkValidity(Date.from(clock.instant()));
    } catch (CertificateExpiredException e) {
      throw new VerificationException("the signing certificate has expired");
    } catch (CertificateNotYetValidException e) {
      throw new VerificationException("the signing certificate is not yet valid");
    }
    if (!namesEchoApi(signer)) {
      throw new VerificationException(
          "the signing certificate does not name " + SAN_DOMAIN + " in its SANs");
    }
    // The path handed to PKIX holds the signer and intermediates, not a self-signed root.
    List<X509Certificate> path = new ArrayList<>(chain);
    while (path.size() > 1 && selfSigned(path.get(path.size() - 1))) {
      path.remove(path.size() - 1);
    }
    try {
      PKIXParameters parameters = new PKIXParameters(anchors);
      parameters.setRevocationEnabled(false);
      parameters.setDate(Date.from(clock.instant()));
      CertPathValidator.getInstance("PKIX")
          .validate(CertificateFactory.getInstance("X.509").generateCertPath(path), parameters);
    } catch (GeneralSecurityException e) {
      throw new VerificationException("the certificate chain does not lead to a trusted root");
    }
  }

  private static boolean selfSigned(X509Certificate certificate) {
    if (!certificate.getSubjectX500Principal().equals(certificate.getIssuerX500Principal())) {
      return false;
    }
    try {
      certificate.verify(certificate.getPublicKey());
      return true;
    } catch (GeneralSecurityException e) {
      return false;
    }
  }

  private static boolean namesEchoApi(X509Certificate certificate) {
    try {
      Collection<List<?>> names = certificate.getSubjectAlternativeNames();
      if (names == null) {
        return false;
      }
      for (List<?> name : names) {
        // Type 2 is dNSName (RFC 5280).
        if (name.size() >= 2
            && Integer.valueOf(2).equals(name.get(0))
            && SAN_DOMAIN.equalsIgnoreCase(String.valueOf(name.get(1)))) {
          return true;
        }
      }
      return false;
    } catch (CertificateException e) {
      return false;
    }
  }

  private static void checkSignature(X509Certificate signer, String signature256, byte[] body) {
    byte[] signature;
    try {
      signature = Base64.getDecoder().decode(signature256.strip());
    } catch (IllegalArgumentException e) {
      throw new VerificationException("the signature is not base64");
    }
    try {
      Signature verifier = Signature.getInstance("SHA256withRSA");
      verifier.initVerify(signer.getPublicKey());
      verifier.update(body);
      if (!verifier.verify(signature)) {
        throw new VerificationException("the signature does not match the body");
      }
    } catch (GeneralSecurityException e) {
      throw new VerificationException("the signature does not match the body");
    }
  }

  private void checkTimestamp(byte[] body) {
    JsonNode timestamp;
    try {
      timestamp = JSON.readTree(body).path("request").path("timestamp");
    } catch (IOException e) {
      throw new VerificationException("the body is not JSON");
    }
    Instant sent;
    try {
      if (timestamp.isTextual()) {
        sent = Instant.parse(timestamp.asText());
      } else if (timestamp.isNumber()) {
        long value = timestamp.asLong();
        sent =
            value > 100_000_000_000L ? Instant.ofEpochMilli(value) : Instant.ofEpochSecond(value);
      } else {
        throw new VerificationException("the request has no timestamp");
      }
    } catch (DateTimeParseException e) {
      throw new VerificationException("the request timestamp is malformed");
    }
    Duration skew = Duration.between(sent, clock.instant()).abs();
    if (skew.compareTo(TOLERANCE) > 0) {
      throw new VerificationException("the request timestamp is more than 150 seconds from now");
    }
  }

  /** A request that must be refused: the message says which check failed. */
  public static final class VerificationException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public VerificationException(String message) {
      super(message);
    }
  }
}
