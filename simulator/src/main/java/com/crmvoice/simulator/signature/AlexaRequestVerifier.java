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
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

/**
 * Verifies that a request to an HTTPS skill endpoint comes from Alexa, as Amazon requires of web
 * services: the SignatureCertChainUrl (https, s3.amazonaws.com, /echo.api/, port 443), the chain it
 * names (dates, echo-api.amazon.com, a trusted root; fetched through {@link CertificateFetcher} and
 * kept for at most {@link #MAX_CACHED_CHAINS} URLs), the Signature-256 over the raw body, and a
 * timestamp within 150 seconds. Any failure is a {@link VerificationException} (HTTP 400). The
 * details: docs/simulator.md ("HTTP mode") and
 * https://developer.amazon.com/en-US/docs/alexa/custom-skills/host-a-custom-skill-as-a-web-service.html
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

  /** Alexa signs with one chain at a time; a few more cover a rotation. */
  static final int MAX_CACHED_CHAINS = 8;

  private static final ObjectMapper JSON = new ObjectMapper();

  private final CertificateFetcher fetcher;
  private final Set<TrustAnchor> anchors;
  private final Clock clock;
  private final ChainCache chains = new ChainCache(MAX_CACHED_CHAINS);

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
    List<X509Certificate> chain = chain(url);
    checkSignature(chain.get(0), signature256, body);
    // Kept only once a request signed with it has been seen, so a chain nobody signs with never
    // takes a place.
    chains.put(url, chain);
    checkTimestamp(body);
  }

  /**
   * The normalised URL if it is one Amazon would use; otherwise VerificationException. Normalised
   * as RFC 3986 section 6.2.2 says (percent-encoded unreserved characters decoded, then dot
   * segments removed), so that {@code /echo.api/%2e%2e/x} is checked as the {@code /x} it names. A
   * query, a fragment or user information is refused: Amazon's URLs have none, and they would only
   * make one chain look like many.
   */
  static URI validateCertChainUrl(String raw) {
    URI uri;
    try {
      uri = new URI(raw.strip());
    } catch (URISyntaxException e) {
      throw new VerificationException("the certificate chain URL is malformed");
    }
    if (uri.getScheme() == null || !uri.getScheme().equalsIgnoreCase("https")) {
      throw new VerificationException("the certificate chain URL is not https");
    }
    if (uri.isOpaque() || uri.getRawPath() == null) {
      throw new VerificationException("the certificate chain URL is malformed");
    }
    if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
      throw new VerificationException("the certificate chain URL has a query or a fragment");
    }
    if (uri.getRawUserInfo() != null) {
      throw new VerificationException("the certificate chain URL names a user");
    }
    if (uri.getHost() == null || !uri.getHost().equalsIgnoreCase("s3.amazonaws.com")) {
      throw new VerificationException("the certificate chain URL's host is not s3.amazonaws.com");
    }
    if (uri.getPort() != -1 && uri.getPort() != 443) {
      throw new VerificationException("the certificate chain URL's port is not 443");
    }
    String path = normalisePath(uri.getRawPath());
    if (!path.startsWith("/echo.api/")) {
      throw new VerificationException("the certificate chain URL's path is not under /echo.api/");
    }
    try {
      return new URI("https://s3.amazonaws.com:443" + path);
    } catch (URISyntaxException e) {
      throw new VerificationException("the certificate chain URL is malformed");
    }
  }

  // RFC 3986 6.2.2.2 (percent-encoding normalisation) and 5.2.4 (remove dot segments). An encoded
  // character outside the unreserved set stays encoded, with upper-case hex digits.
  static String normalisePath(String rawPath) {
    StringBuilder decoded = new StringBuilder(rawPath.length());
    for (int i = 0; i < rawPath.length(); i++) {
      char c = rawPath.charAt(i);
      if (c == '%') {
        if (i + 2 >= rawPath.length()
            || Character.digit(rawPath.charAt(i + 1), 16) < 0
            || Character.digit(rawPath.charAt(i + 2), 16) < 0) {
          throw new VerificationException("the certificate chain URL is malformed");
        }
        char value =
            (char)
                (Character.digit(rawPath.charAt(i + 1), 16) * 16
                    + Character.digit(rawPath.charAt(i + 2), 16));
        if (unreserved(value)) {
          decoded.append(value);
        } else {
          decoded.append('%').append(rawPath.substring(i + 1, i + 3).toUpperCase(Locale.ROOT));
        }
        i += 2;
      } else {
        decoded.append(c);
      }
    }
    return removeDotSegments(decoded.toString());
  }

  private static boolean unreserved(char c) {
    return (c >= 'A' && c <= 'Z')
        || (c >= 'a' && c <= 'z')
        || (c >= '0' && c <= '9')
        || c == '-'
        || c == '.'
        || c == '_'
        || c == '~';
  }

  private static String removeDotSegments(String path) {
    java.util.Deque<String> output = new java.util.ArrayDeque<>();
    String[] segments = path.split("/", -1);
    // segments[0] is the empty string before the leading slash.
    for (int i = 1; i < segments.length; i++) {
      String segment = segments[i];
      boolean last = i == segments.length - 1;
      if (segment.equals(".")) {
        if (last) {
          output.addLast("");
        }
      } else if (segment.equals("..")) {
        output.pollLast();
        if (last) {
          output.addLast("");
        }
      } else {
        output.addLast(segment);
      }
    }
    return "/" + String.join("/", output);
  }

  private List<X509Certificate> chain(URI url) {
    List<X509Certificate> chain = chains.get(url);
    if (chain == null) {
      chain = download(url);
      validateChain(chain);
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
    return chain;
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

  /** Number of chains held now (for tests). */
  int cachedChains() {
    return chains.size();
  }

  /** Chains by normalised URL, the least recently used dropped past {@code capacity}. */
  private static final class ChainCache {
    private final Map<URI, List<X509Certificate>> map;

    ChainCache(int capacity) {
      map =
          new java.util.LinkedHashMap<>(capacity * 2, 0.75f, true) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<URI, List<X509Certificate>> eldest) {
              return size() > capacity;
            }
          };
    }

    synchronized List<X509Certificate> get(URI url) {
      return map.get(url);
    }

    synchronized void put(URI url, List<X509Certificate> chain) {
      map.put(url, chain);
    }

    synchronized void remove(URI url) {
      map.remove(url);
    }

    synchronized int size() {
      return map.size();
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
