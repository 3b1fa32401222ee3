package com.crmvoice.adapters.dataverse;

import com.crmvoice.core.config.DataverseConfig;
import com.crmvoice.testkit.dataverse.FakeDataverse;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.FileInputStream;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * What a token library would cost the intent function's cold start: the client credentials token
 * fetched on a fresh JVM by the project's own {@link DataverseAuth} (java.net.http and Jackson,
 * which the function loads anyway) and by msal4j (Microsoft's library), each in JVMs of their own,
 * with an empty JVM as the floor, all in one run; each then makes the function's first Web API call
 * (WhoAmI over java.net.http, parsed with Jackson, the same code for both), because the function
 * loads those classes whichever library fetched the token. Both sign in against the same loopback
 * HTTPS endpoint (a self-signed certificate made with keytool; the fake Dataverse's token endpoint
 * behind it checks tenant, client id, secret and scope), so the TLS handshake is in both. Printed:
 * per variant the median and range of the time from the JVM's start to the token in hand, of the
 * time inside main, and the classes loaded by then.
 *
 * <pre>
 *   mvn -B -q -o -pl crm-adapters -am test-compile dependency:build-classpath \
 *       -Dmdep.outputFile=target/cp.txt -Dmdep.includeScope=test
 *   java -cp crm-adapters/target/test-classes:crm-adapters/target/classes:$(cat crm-adapters/target/cp.txt) \
 *       com.crmvoice.adapters.dataverse.TokenColdStartBench [runs]
 * </pre>
 */
public final class TokenColdStartBench {

  private static final String PASS = "changeit";

  private TokenColdStartBench() {}

  public static void main(String[] args) throws Exception {
    if (args.length > 0 && args[0].equals("child")) {
      child(args);
      return;
    }
    int runs = args.length > 0 ? Integer.parseInt(args[0]) : 5;
    Path dir = Files.createTempDirectory("token-bench");
    Path keystore = dir.resolve("loopback.p12");
    Process keytool =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair",
                "-alias",
                "loopback",
                "-keyalg",
                "EC",
                "-groupname",
                "secp256r1",
                "-dname",
                "CN=127.0.0.1",
                "-ext",
                "SAN=ip:127.0.0.1",
                "-validity",
                "2",
                "-storetype",
                "PKCS12",
                "-keystore",
                keystore.toString(),
                "-storepass",
                PASS,
                "-keypass",
                PASS)
            .inheritIO()
            .start();
    if (keytool.waitFor() != 0) {
      throw new IllegalStateException("keytool failed");
    }
    try (FakeDataverse dv = FakeDataverse.start()) {
      HttpsServer front = front(dv, keystore);
      try {
        String authority = "https://127.0.0.1:" + front.getAddress().getPort();
        Map<String, List<long[]>> figures = new TreeMap<>();
        for (int run = 0; run < runs; run++) {
          for (String variant : List.of("empty", "own", "msal4j")) {
            long[] f = childRun(variant, authority, dv.baseUrl().toString(), keystore);
            figures.computeIfAbsent(variant, k -> new ArrayList<>()).add(f);
          }
        }
        System.out.printf(
            "%-8s %6s %22s %22s %10s%n",
            "variant", "runs", "JVM start→token ms", "in main ms", "classes");
        for (String variant : List.of("empty", "own", "msal4j")) {
          List<long[]> f = figures.get(variant);
          System.out.printf(
              "%-8s %6d %22s %22s %10s%n",
              variant, f.size(), summary(f, 0), summary(f, 1), summary(f, 2));
        }
        System.out.println("token requests the fake answered: " + dv.calls("token"));
      } finally {
        front.stop(0);
      }
    }
  }

  /** median (min–max) of one column. */
  private static String summary(List<long[]> rows, int column) {
    long[] values = rows.stream().mapToLong(r -> r[column]).sorted().toArray();
    return values[values.length / 2] + " (" + values[0] + "–" + values[values.length - 1] + ")";
  }

  private static long[] childRun(String variant, String authority, String org, Path keystore)
      throws Exception {
    Process p =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1",
                "-cp",
                System.getProperty("java.class.path"),
                TokenColdStartBench.class.getName(),
                "child",
                variant,
                authority,
                org,
                keystore.toString())
            .redirectError(ProcessBuilder.Redirect.INHERIT)
            .start();
    String out = new String(p.getInputStream().readAllBytes()).strip();
    if (p.waitFor() != 0 || !out.startsWith("figures ")) {
      throw new IllegalStateException(variant + " failed: " + out);
    }
    String[] parts = out.substring(8).split(" ");
    return new long[] {
      Long.parseLong(parts[0]), Long.parseLong(parts[1]), Long.parseLong(parts[2])
    };
  }

  /**
   * In a fresh JVM: one token by the variant, then "figures <since JVM start> <in main> <classes>".
   */
  private static void child(String[] args) throws Exception {
    long inMain = System.nanoTime();
    String variant = args[1];
    String authority = args[2];
    String org = args[3];
    // args[4]: the keystore the loopback certificate is in
    if (!variant.equals("empty")) {
      SSLContext tls = sslContext(Path.of(args[4]));
      HttpClient http =
          HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).sslContext(tls).build();
      String token =
          variant.equals("own") ? own(authority, org, http) : Msal.token(authority, org, tls);
      // The function's first Web API call, the same for both: java.net.http and Jackson.
      HttpResponse<String> who =
          http.send(
              HttpRequest.newBuilder(URI.create(authority + "/api/data/v9.2/WhoAmI"))
                  .header("Authorization", "Bearer " + token)
                  .header("Accept", "application/json")
                  .header("OData-MaxVersion", "4.0")
                  .header("OData-Version", "4.0")
                  .GET()
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      if (who.statusCode() != 200
          || !DataverseHttp.JSON.readTree(who.body()).hasNonNull("UserId")) {
        throw new IllegalStateException("WhoAmI answered " + who.statusCode());
      }
    }
    long sinceStart =
        System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
    long main = (System.nanoTime() - inMain) / 1_000_000;
    int classes = ManagementFactory.getClassLoadingMXBean().getLoadedClassCount();
    System.out.println("figures " + sinceStart + " " + main + " " + classes);
  }

  private static String own(String authority, String org, HttpClient http) {
    DataverseConfig config =
        new DataverseConfig(
            URI.create(org),
            "9.2",
            FakeDataverse.TENANT_ID,
            FakeDataverse.CLIENT_ID,
            FakeDataverse.CLIENT_SECRET,
            URI.create(authority),
            FakeDataverse.COMMAND_ID_COLUMN,
            Duration.ofSeconds(10));
    return new DataverseAuth(config, http, Clock.systemUTC()).token().accessToken();
  }

  /** msal4j's client credentials flow; its own class so that other variants never load it. */
  private static final class Msal {
    static String token(String authority, String org, SSLContext tls) throws Exception {
      com.microsoft.aad.msal4j.ConfidentialClientApplication app =
          com.microsoft.aad.msal4j.ConfidentialClientApplication.builder(
                  FakeDataverse.CLIENT_ID,
                  com.microsoft.aad.msal4j.ClientCredentialFactory.createFromSecret(
                      FakeDataverse.CLIENT_SECRET))
              .authority(authority + "/" + FakeDataverse.TENANT_ID + "/")
              .validateAuthority(false)
              .instanceDiscovery(false)
              .sslSocketFactory(tls.getSocketFactory())
              .build();
      return app.acquireToken(
              com.microsoft.aad.msal4j.ClientCredentialParameters.builder(Set.of(org + "/.default"))
                  .build())
          .get()
          .accessToken();
    }
  }

  private static SSLContext sslContext(Path keystore) throws Exception {
    KeyStore store = KeyStore.getInstance("PKCS12");
    try (InputStream in = new FileInputStream(keystore.toFile())) {
      store.load(in, PASS.toCharArray());
    }
    TrustManagerFactory trust =
        TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    trust.init(store);
    KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
    keys.init(store, PASS.toCharArray());
    SSLContext tls = SSLContext.getInstance("TLS");
    tls.init(keys.getKeyManagers(), trust.getTrustManagers(), null);
    return tls;
  }

  /** HTTPS on loopback in front of the fake's token endpoint: each request passed on as it came. */
  private static HttpsServer front(FakeDataverse dv, Path keystore) throws Exception {
    HttpsServer server = HttpsServer.create(new InetSocketAddress("127.0.0.1", 0), 16);
    server.setHttpsConfigurator(new HttpsConfigurator(sslContext(keystore)));
    HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    server.createContext(
        "/",
        exchange -> {
          try (exchange) {
            byte[] body = exchange.getRequestBody().readAllBytes();
            String type = exchange.getRequestHeaders().getFirst("Content-Type");
            HttpRequest.Builder forward =
                HttpRequest.newBuilder(
                        URI.create(dv.baseUrl() + exchange.getRequestURI().toString()))
                    .method(
                        exchange.getRequestMethod(), HttpRequest.BodyPublishers.ofByteArray(body));
            if (type != null) {
              forward.header("Content-Type", type);
            }
            for (String name :
                List.of("Authorization", "Accept", "OData-Version", "OData-MaxVersion")) {
              String value = exchange.getRequestHeaders().getFirst(name);
              if (value != null) {
                forward.header(name, value);
              }
            }
            HttpResponse<byte[]> answer =
                http.send(forward.build(), HttpResponse.BodyHandlers.ofByteArray());
            answer
                .headers()
                .firstValue("Content-Type")
                .ifPresent(v -> exchange.getResponseHeaders().set("Content-Type", v));
            exchange.sendResponseHeaders(answer.statusCode(), answer.body().length);
            exchange.getResponseBody().write(answer.body());
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
        });
    server.start();
    return server;
  }
}
