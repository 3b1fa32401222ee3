package com.crmvoice.simulator.signature;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * Downloads a certificate chain over HTTPS with the JDK's trust store. Only ever called with a URL
 * {@link AlexaRequestVerifier} has validated (https://s3.amazonaws.com/echo.api/...).
 */
final class HttpsCertificateFetcher implements AlexaRequestVerifier.CertificateFetcher {

  private static final int MAX_BYTES = 64 * 1024;

  private final HttpClient http =
      HttpClient.newBuilder()
          .connectTimeout(Duration.ofSeconds(5))
          .followRedirects(HttpClient.Redirect.NEVER)
          .build();

  @Override
  public byte[] fetch(URI url) throws IOException {
    if (!"https".equals(url.getScheme())) {
      throw new IOException("not https");
    }
    HttpRequest request = HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(5)).GET().build();
    try {
      HttpResponse<InputStream> response =
          http.send(request, HttpResponse.BodyHandlers.ofInputStream());
      try (InputStream body = response.body()) {
        if (response.statusCode() != 200) {
          throw new IOException("HTTP " + response.statusCode());
        }
        byte[] bytes = body.readNBytes(MAX_BYTES + 1);
        if (bytes.length > MAX_BYTES) {
          throw new IOException("certificate chain too large");
        }
        return bytes;
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    }
  }
}
