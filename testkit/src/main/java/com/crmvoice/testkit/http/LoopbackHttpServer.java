package com.crmvoice.testkit.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * An HTTP server on 127.0.0.1 only, served by a fixed pool of daemon threads: the fakes and local
 * endpoints (fake Salesforce, fake Alexa API, the simulator's directives and skill endpoints) all
 * start one the same way.
 *
 * <p>A request must arrive, request line to the last byte of its body, within {@link
 * #READ_TIMEOUT}: the JDK server reads it on a pool thread, so without a bound a few clients that
 * send half a request and stall hold every thread. The bound is the JDK server's own ({@code
 * sun.net.httpserver.maxReqTime}, in seconds, read once per JVM when the first server starts; a
 * value set on the command line wins). The time a handler takes to answer is not part of it: a
 * handler that waits (an injected latency) reads the body first.
 */
public final class LoopbackHttpServer implements AutoCloseable {

  /** How long a client may take to send one request (headers and body). */
  public static final Duration READ_TIMEOUT = Duration.ofSeconds(10);

  static final String MAX_REQ_TIME = "sun.net.httpserver.maxReqTime";

  static {
    if (System.getProperty(MAX_REQ_TIME) == null) {
      System.setProperty(MAX_REQ_TIME, Long.toString(READ_TIMEOUT.toSeconds()));
    }
  }

  private final HttpServer server;
  private final ExecutorService executor;

  private LoopbackHttpServer(HttpServer server, ExecutorService executor) {
    this.server = server;
    this.executor = executor;
  }

  /**
   * Starts serving {@code handler} under {@code path}.
   *
   * @param port the port, or 0 for any free one
   * @param backlog the listen backlog
   * @param threads how many requests are served at once
   * @param threadName the name of the serving threads
   */
  public static LoopbackHttpServer start(
      int port, int backlog, int threads, String threadName, String path, HttpHandler handler) {
    HttpServer server;
    try {
      server =
          HttpServer.create(
              new InetSocketAddress(InetAddress.getByName("127.0.0.1"), port), backlog);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    ExecutorService executor =
        Executors.newFixedThreadPool(
            threads,
            r -> {
              Thread t = new Thread(r, threadName);
              t.setDaemon(true);
              return t;
            });
    server.setExecutor(executor);
    server.createContext(path, handler);
    server.start();
    return new LoopbackHttpServer(server, executor);
  }

  /** The port it listens on. */
  public int port() {
    return server.getAddress().getPort();
  }

  /** Answers {@code status} with {@code body} of {@code contentType}, and ends the response. */
  public static void respond(HttpExchange exchange, int status, String contentType, byte[] body)
      throws IOException {
    exchange.getResponseHeaders().set("Content-Type", contentType);
    exchange.sendResponseHeaders(status, body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}
