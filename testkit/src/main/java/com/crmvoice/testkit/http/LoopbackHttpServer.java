package com.crmvoice.testkit.http;

import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * An HTTP server on 127.0.0.1 only, served by a fixed pool of daemon threads: the fakes and local
 * endpoints (fake Salesforce, fake Alexa API, the simulator's directives and skill endpoints) all
 * start one the same way.
 */
public final class LoopbackHttpServer implements AutoCloseable {

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

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}
