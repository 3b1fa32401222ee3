package com.crmvoice.intent;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * One invocation the way Lambda makes it, from the shaded jar: the handler built by its no-arg
 * constructor (System.getenv), one request envelope from a file, the response on stdout. On stderr
 * it reports how long the JVM took to get there: the cold-start proxy measured by {@code
 * ColdStartProbe}. With {@code --restore-proxy} it first runs the SnapStart hooks as Lambda would
 * (priming before the checkpoint, then the after-restore refresh) in the same JVM, so the first
 * request is timed as a restored copy would answer it.
 *
 * <pre>java -XX:+TieredCompilation -XX:TieredStopAtLevel=1 -XX:+UseSerialGC \
 *   -cp intent-lambda-…-lambda.jar com.crmvoice.intent.LocalInvoke request.json [--restore-proxy]
 * </pre>
 */
public final class LocalInvoke {

  private LocalInvoke() {}

  public static void main(String[] args) throws IOException {
    if (args.length < 1
        || args.length > 2
        || args.length == 2 && !args[1].equals("--restore-proxy")) {
      System.err.println("usage: LocalInvoke <request-envelope.json> [--restore-proxy]");
      System.exit(2);
    }
    byte[] request = Files.readAllBytes(Path.of(args[0]));
    long jvmStart = ManagementFactory.getRuntimeMXBean().getStartTime();
    long initStart = System.currentTimeMillis();
    IntentStreamHandler handler = new IntentStreamHandler();
    long initEnd = System.currentTimeMillis();
    long primed = initEnd;
    long restored = initEnd;
    if (args.length == 2) {
      handler.snapStart().beforeCheckpoint(null);
      primed = System.currentTimeMillis();
      handler.snapStart().afterRestore(null);
      restored = System.currentTimeMillis();
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    handler.handleRequest(new ByteArrayInputStream(request), out, null);
    long responded = System.currentTimeMillis();
    PrintStream stdout = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    stdout.println(out.toString(StandardCharsets.UTF_8));
    System.err.printf(
        "cold-start jvmToMain=%d init=%d prime=%d afterRestore=%d firstInvoke=%d"
            + " jvmToResponse=%d cpu=%d (ms) classes=%d%n",
        initStart - jvmStart,
        initEnd - initStart,
        primed - initEnd,
        restored - primed,
        responded - restored,
        responded - jvmStart,
        cpuMillis(),
        ManagementFactory.getClassLoadingMXBean().getTotalLoadedClassCount());
    System.exit(0);
  }

  /** CPU time the process has used so far, all threads: steadier than wall time on a shared box. */
  private static long cpuMillis() {
    return ManagementFactory.getOperatingSystemMXBean()
            instanceof com.sun.management.OperatingSystemMXBean os
        ? os.getProcessCpuTime() / 1_000_000
        : -1;
  }
}
