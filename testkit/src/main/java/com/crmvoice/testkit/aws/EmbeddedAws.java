package com.crmvoice.testkit.aws;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import java.util.function.IntSupplier;
import org.elasticmq.NodeAddress;
import org.elasticmq.rest.sqs.SQSRestServer;
import org.elasticmq.rest.sqs.SQSRestServerBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.dynamodb.services.local.main.ServerRunner;
import software.amazon.dynamodb.services.local.server.DynamoDBProxyServer;

/**
 * DynamoDB Local (in memory, telemetry off) and ElasticMQ (SQS), embedded on 127.0.0.1 random
 * ports: started once per JVM by {@link #shared()}, stopped by a shutdown hook. Nothing here ever
 * reaches an address other than loopback.
 */
public final class EmbeddedAws implements AwsTestEnvironment, AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(EmbeddedAws.class);
  private static final String LOOPBACK = "127.0.0.1";
  public static final String REGION = "us-east-1";
  public static final String ACCOUNT_ID = "000000000000";

  private static EmbeddedAws shared;
  private static final AtomicInteger NAMES = new AtomicInteger();

  private final DynamoDBProxyServer dynamoDb;
  private final SQSRestServer sqs;
  private final int dynamoDbPort;
  private final int sqsPort;

  private EmbeddedAws() {
    Bound<DynamoDBProxyServer> dynamo =
        onFreePort("DynamoDB Local", EmbeddedAws::startDynamoDb, EmbeddedAws::freePort);
    Bound<SQSRestServer> elasticMq =
        onFreePort("ElasticMQ", EmbeddedAws::startSqs, EmbeddedAws::freePort);
    dynamoDb = dynamo.server();
    dynamoDbPort = dynamo.port();
    sqs = elasticMq.server();
    sqsPort = elasticMq.port();
    LOG.info("embedded AWS up: dynamodb={} sqs={}", dynamoDbEndpoint(), sqsEndpoint());
  }

  /** The engines shared by every test in this JVM, started on first use. */
  public static synchronized EmbeddedAws shared() {
    if (shared == null) {
      shared = new EmbeddedAws();
      EmbeddedAws started = shared;
      Runtime.getRuntime().addShutdownHook(new Thread(started::close, "embedded-aws-stop"));
    }
    return shared;
  }

  /** A fresh pair of engines owned by the caller (the simulator). */
  public static EmbeddedAws startNew() {
    return new EmbeddedAws();
  }

  @Override
  public URI dynamoDbEndpoint() {
    return URI.create("http://" + LOOPBACK + ":" + dynamoDbPort);
  }

  @Override
  public URI sqsEndpoint() {
    return URI.create("http://" + LOOPBACK + ":" + sqsPort);
  }

  /** The standard AWS settings that point an SDK client at these engines. */
  @Override
  public Map<String, String> env() {
    return Map.of(
        "AWS_REGION",
        REGION,
        "AWS_ENDPOINT_URL_DYNAMODB",
        dynamoDbEndpoint().toString(),
        "AWS_ENDPOINT_URL_SQS",
        sqsEndpoint().toString(),
        "AWS_ACCESS_KEY_ID",
        "local",
        "AWS_SECRET_ACCESS_KEY",
        "local");
  }

  /** A name no other test in this JVM has used: fresh tables and queues per test class. */
  public static String uniqueName(String prefix) {
    return prefix
        + "-"
        + NAMES.incrementAndGet()
        + "-"
        + UUID.randomUUID().toString().substring(0, 8);
  }

  @Override
  public synchronized void close() {
    try {
      sqs.stopAndWait();
    } catch (RuntimeException e) {
      LOG.debug("elasticmq stop: {}", e.toString());
    }
    try {
      dynamoDb.stop();
    } catch (Exception e) {
      LOG.debug("dynamodb local stop: {}", e.toString());
    }
  }

  /** A server and the port it listens on. */
  record Bound<T>(T server, int port) {}

  /**
   * Starts a server on a port {@code ports} chooses, and on another one when that port was taken
   * between choosing it and binding it (another process, or an outgoing connection given the same
   * ephemeral port): the choice and the bind are not one step, so a busy machine sometimes loses
   * that race.
   */
  static <T> Bound<T> onFreePort(String name, IntFunction<T> start, IntSupplier ports) {
    RuntimeException last = null;
    for (int attempt = 1; attempt <= 5; attempt++) {
      int port = ports.getAsInt();
      try {
        return new Bound<>(start.apply(port), port);
      } catch (RuntimeException e) {
        if (!portTaken(e)) {
          throw e;
        }
        last = e;
        LOG.info("{}: port {} was taken before it could bind; trying another", name, port);
      }
    }
    throw last;
  }

  static boolean portTaken(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      String message = String.valueOf(t.getMessage());
      if (t instanceof java.net.BindException
          || message.contains("Address already in use")
          || message.contains("Bind failed")
          || message.contains("Failed to bind")) {
        return true;
      }
    }
    return false;
  }

  static DynamoDBProxyServer startDynamoDb(int port) {
    prepareSqliteNatives();
    try {
      DynamoDBProxyServer server =
          ServerRunner.createServerFromCommandLineArgs(
              new String[] {"-inMemory", "-port", Integer.toString(port), "-disableTelemetry"});
      bindToLoopback(server);
      try {
        server.start();
      } catch (Exception e) {
        stopQuietly(server);
        throw e;
      }
      return server;
    } catch (Exception e) {
      throw new IllegalStateException("DynamoDB Local did not start", e);
    }
  }

  private static void stopQuietly(DynamoDBProxyServer server) {
    try {
      server.stop();
    } catch (Exception e) {
      LOG.debug("dynamodb local stop after a failed start: {}", e.toString());
    }
  }

  /**
   * DynamoDB Local 3.3.1 has no option for the address it listens on (its options are -port,
   * -inMemory, -dbPath, -sharedDb, -cors, -delayTransientStatuses, -optimizeDbBeforeStartup,
   * -disableTelemetry): its Jetty server is built with {@code new Server(port)}, whose connector
   * listens on every interface. Before it starts, that connector is told to listen on 127.0.0.1.
   */
  static void bindToLoopback(DynamoDBProxyServer server) throws ReflectiveOperationException {
    java.lang.reflect.Field field = DynamoDBProxyServer.class.getDeclaredField("server");
    field.setAccessible(true);
    org.eclipse.jetty.server.Server jetty = (org.eclipse.jetty.server.Server) field.get(server);
    org.eclipse.jetty.server.Connector[] connectors = jetty.getConnectors();
    if (connectors.length == 0) {
      throw new IllegalStateException("DynamoDB Local has no connector to bind to loopback");
    }
    for (org.eclipse.jetty.server.Connector connector : connectors) {
      if (!(connector instanceof org.eclipse.jetty.server.AbstractNetworkConnector network)) {
        throw new IllegalStateException(
            "DynamoDB Local's connector is not a network connector: " + connector);
      }
      network.setHost(LOOPBACK);
    }
  }

  static SQSRestServer startSqs(int port) {
    SQSRestServer server =
        SQSRestServerBuilder.withInterface(LOOPBACK)
            .withPort(port)
            .withServerAddress(new NodeAddress("http", LOOPBACK, port, ""))
            .withAWSRegion(REGION)
            .withAWSAccountId(ACCOUNT_ID)
            .start();
    server.waitUntilStarted();
    return server;
  }

  /**
   * DynamoDB Local stores tables in SQLite through sqlite4java, whose native library Maven delivers
   * as a .so artifact on the class path. Copy it to a folder and point sqlite4java at it, so the
   * engine starts from any module or the simulator without build plugin set-up.
   */
  private static synchronized void prepareSqliteNatives() {
    if (System.getProperty("sqlite4java.library.path") != null
        && Files.isDirectory(Path.of(System.getProperty("sqlite4java.library.path")))
        && hasNatives(Path.of(System.getProperty("sqlite4java.library.path")))) {
      return;
    }
    try {
      Path dir = Files.createTempDirectory("crmvoice-sqlite4java");
      dir.toFile().deleteOnExit();
      int copied = 0;
      for (String entry : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
        Path path = Path.of(entry);
        String name = path.getFileName() == null ? "" : path.getFileName().toString();
        if (name.contains("sqlite4java")
            && (name.endsWith(".so") || name.endsWith(".dylib") || name.endsWith(".dll"))) {
          Path target = dir.resolve(name);
          Files.copy(path, target, StandardCopyOption.REPLACE_EXISTING);
          target.toFile().deleteOnExit();
          copied++;
        }
      }
      if (copied == 0) {
        copied = copyFromLocalRepository(dir);
      }
      if (copied == 0) {
        throw new IllegalStateException(
            "sqlite4java native libraries not found on the class path or in ~/.m2");
      }
      System.setProperty("sqlite4java.library.path", dir.toString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static boolean hasNatives(Path dir) {
    try (var files = Files.list(dir)) {
      return files.anyMatch(p -> p.getFileName().toString().contains("sqlite4java"));
    } catch (IOException e) {
      return false;
    }
  }

  private static int copyFromLocalRepository(Path dir) throws IOException {
    Path repo =
        Path.of(
            System.getProperty("user.home"), ".m2", "repository", "com", "almworks", "sqlite4java");
    if (!Files.isDirectory(repo)) {
      return 0;
    }
    int[] copied = {0};
    try (var files = Files.walk(repo)) {
      files
          .filter(
              p ->
                  p.getFileName()
                      .toString()
                      .matches("libsqlite4java-.*\\.(so|dylib)|sqlite4java-.*\\.dll"))
          .forEach(
              p -> {
                try {
                  Files.copy(p, dir.resolve(p.getFileName()), StandardCopyOption.REPLACE_EXISTING);
                  copied[0]++;
                } catch (IOException e) {
                  throw new UncheckedIOException(e);
                }
              });
    }
    return copied[0];
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(LOOPBACK))) {
      socket.setReuseAddress(true);
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
