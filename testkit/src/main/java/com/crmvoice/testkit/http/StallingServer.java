package com.crmvoice.testkit.http;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A server on 127.0.0.1 that accepts every connection, reads nothing and never answers: an engine
 * that has stalled (a hung endpoint, a black-holed network path after the handshake). A client
 * without a time bound waits on it for as long as its socket timeout allows, then retries. Counts
 * the connections it accepted, so a test can see how many attempts a client made.
 */
public final class StallingServer implements AutoCloseable {

  private final ServerSocket socket;
  private final List<Socket> held = new ArrayList<>();
  private final AtomicInteger accepted = new AtomicInteger();
  private final Thread acceptor;

  private StallingServer() {
    try {
      socket = new ServerSocket();
      socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    acceptor = new Thread(this::acceptAll, "stalling-server");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  public static StallingServer start() {
    return new StallingServer();
  }

  /** http://127.0.0.1:PORT, as an AWS_ENDPOINT_URL_* setting. */
  public URI endpoint() {
    return URI.create("http://127.0.0.1:" + socket.getLocalPort());
  }

  /** Connections accepted so far. */
  public int accepted() {
    return accepted.get();
  }

  private void acceptAll() {
    while (!socket.isClosed()) {
      try {
        Socket client = socket.accept();
        synchronized (held) {
          held.add(client);
        }
        accepted.incrementAndGet();
      } catch (IOException e) {
        return;
      }
    }
  }

  @Override
  public void close() {
    try {
      socket.close();
    } catch (IOException ignored) {
      // closing anyway
    }
    synchronized (held) {
      for (Socket client : held) {
        try {
          client.close();
        } catch (IOException ignored) {
          // closing anyway
        }
      }
      held.clear();
    }
  }
}
