package com.crmvoice.testkit.net;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.SocketException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * Which addresses a local port listens on, for tests that hold an engine to "loopback only": read
 * from the kernel's socket tables (/proc/net/tcp and /proc/net/tcp6 on Linux: local address and
 * port in hex, state 0A for LISTEN,
 * https://www.kernel.org/doc/Documentation/networking/proc_net_tcp.txt), and, on any system, by
 * trying to connect through this machine's non-loopback addresses.
 */
public final class ListeningSockets {

  private static final Path TCP = Path.of("/proc/net/tcp");
  private static final Path TCP6 = Path.of("/proc/net/tcp6");
  private static final String LISTEN = "0A";

  private ListeningSockets() {}

  /** Whether the kernel's socket tables can be read here. */
  public static boolean tablesAvailable() {
    return Files.isReadable(TCP);
  }

  /** The local addresses of the sockets listening on TCP {@code port} (one per socket). */
  public static List<InetAddress> listeningOn(int port) {
    List<InetAddress> addresses = new ArrayList<>();
    for (Path table : List.of(TCP, TCP6)) {
      if (!Files.isReadable(table)) {
        continue;
      }
      List<String> lines;
      try {
        lines = Files.readAllLines(table);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      for (String line : lines.subList(Math.min(1, lines.size()), lines.size())) {
        String[] fields = line.trim().split("\\s+");
        if (fields.length < 4 || !fields[3].equals(LISTEN)) {
          continue;
        }
        String[] local = fields[1].split(":");
        if (Integer.parseInt(local[1], 16) == port) {
          addresses.add(address(local[0]));
        }
      }
    }
    return addresses;
  }

  // The kernel prints each 32-bit word of the address in host byte order (little-endian here).
  static InetAddress address(String hex) {
    byte[] bytes = new byte[hex.length() / 2];
    for (int word = 0; word < bytes.length / 4; word++) {
      for (int i = 0; i < 4; i++) {
        int at = (word * 4 + (3 - i)) * 2;
        bytes[word * 4 + i] = (byte) Integer.parseInt(hex.substring(at, at + 2), 16);
      }
    }
    try {
      return InetAddress.getByAddress(bytes);
    } catch (java.net.UnknownHostException e) {
      throw new IllegalArgumentException("not an address: " + hex, e);
    }
  }

  /** This machine's addresses that are not loopback (IPv4 and IPv6, interfaces that are up). */
  public static List<InetAddress> nonLoopbackAddresses() {
    List<InetAddress> addresses = new ArrayList<>();
    try {
      for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
        if (!nic.isUp()) {
          continue;
        }
        for (InetAddress address : Collections.list(nic.getInetAddresses())) {
          if (!address.isLoopbackAddress() && !address.isLinkLocalAddress()) {
            addresses.add(address);
          }
        }
      }
    } catch (SocketException e) {
      throw new UncheckedIOException(e);
    }
    return addresses;
  }

  /** The non-loopback addresses of this machine through which {@code port} accepts a connection. */
  public static List<InetAddress> reachableFromOutsideLoopback(int port) {
    List<InetAddress> reachable = new ArrayList<>();
    for (InetAddress address : nonLoopbackAddresses()) {
      try (Socket socket = new Socket()) {
        socket.connect(new InetSocketAddress(address, port), 2_000);
        reachable.add(address);
      } catch (IOException refused) {
        // Connection refused (or unreachable): nothing listens there.
      }
    }
    return reachable;
  }

  /**
   * Throws AssertionError unless {@code port} listens (as far as the kernel's tables show) and only
   * on loopback, and accepts no connection through a non-loopback address of this machine.
   */
  public static void assertLoopbackOnly(String engine, int port) {
    if (tablesAvailable()) {
      List<InetAddress> addresses = listeningOn(port);
      if (addresses.isEmpty() || !addresses.stream().allMatch(InetAddress::isLoopbackAddress)) {
        throw new AssertionError(engine + ": " + describe(port));
      }
    }
    if (!reachableFromOutsideLoopback(port).isEmpty()) {
      throw new AssertionError(engine + ": " + describe(port));
    }
  }

  /** A one-line description for assertion messages. */
  public static String describe(int port) {
    return String.format(
        Locale.ROOT,
        "port %d listens on %s; reachable through %s",
        port,
        listeningOn(port),
        reachableFromOutsideLoopback(port));
  }
}
