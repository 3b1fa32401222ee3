package com.crmvoice.intent.bench;

import com.crmvoice.core.domain.Lead;
import com.crmvoice.core.domain.LeadDigest;
import com.crmvoice.intent.IntentStack;
import com.crmvoice.testkit.alexa.AlexaRequests;
import com.crmvoice.testkit.bench.BenchRow;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Cold-start proxy: starts a fresh JVM on the shaded Lambda jar with the flags AWS Lambda's Java
 * runtime uses (-XX:+TieredCompilation -XX:TieredStopAtLevel=1 -XX:+UseSerialGC), runs {@code
 * LocalInvoke} (no-arg handler constructor, one GetTopLead request answered from DynamoDB Local)
 * and measures from process start to the first byte of the response on stdout. Repeats and prints
 * each run and the median, with the phases LocalInvoke reports (JVM to main, init, first request)
 * and the classes loaded, next to a bare JVM start and exit ({@code java -version}, same flags) in
 * the same run. Args: [shaded jar] [runs] [another JDK's home, measured too] (defaults
 * intent-lambda/target/intent-lambda-0.1.0-SNAPSHOT-lambda.jar, 7, none).
 */
public final class ColdStartProbe {

  static final List<String> LAMBDA_JVM_FLAGS =
      List.of("-XX:+TieredCompilation", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC");

  private ColdStartProbe() {}

  public static void main(String[] args) throws Exception {
    Path jar =
        Path.of(
            args.length > 0
                ? args[0]
                : "intent-lambda/target/intent-lambda-0.1.0-SNAPSHOT-lambda.jar");
    int runs = args.length > 1 ? Integer.parseInt(args[1]) : 7;
    if (!Files.isRegularFile(jar)) {
      System.err.println("no shaded jar at " + jar + ": run mvn package first");
      System.exit(2);
    }
    try (IntentStack stack = new IntentStack(Map.of())) {
      String owner = "005COLD0000001AAA";
      String token = stack.salesforce.issueUserToken(owner);
      Lead lead =
          new Lead(
              "00QCOLD000000001AA",
              owner,
              "Ada",
              "Lovelace",
              "Engines",
              "ada@engines.com",
              "+44 20 7946 0000",
              "Open",
              Instant.parse("2026-01-01T00:00:00Z"));
      stack.cache.replaceOwnerLeads(
          owner, List.of(lead), LeadDigest.of(List.of(lead)), Instant.now());
      Path request = Files.createTempFile("cold-start-request", ".json");
      Files.writeString(
          request, stack.request(AlexaRequests.intent("GetTopLeadIntent"), token).toJson());

      List<String> homes = new ArrayList<>(List.of(System.getProperty("java.home")));
      if (args.length > 2 && !args[2].isBlank()) {
        homes.add(args[2]);
      }
      for (String home : homes) {
        probe(Path.of(home), jar, request, stack.env, runs);
      }
    }
    System.exit(0);
  }

  private static void probe(Path home, Path jar, Path request, Map<String, String> env, int runs)
      throws Exception {
    String java = Path.of(home.toString(), "bin", "java").toString();
    String version = version(java);
    System.out.printf(
        "cold start: %s, jar %.1f MB, flags %s%n",
        version, Files.size(jar) / 1e6, LAMBDA_JVM_FLAGS);
    long[] wall = new long[runs];
    long[] bare = new long[runs];
    Map<String, long[]> phases = new LinkedHashMap<>();
    for (String phase : PHASES) {
      phases.put(phase, new long[runs]);
    }
    for (int run = 0; run < runs; run++) {
      List<String> plain = new ArrayList<>(List.of(java));
      plain.addAll(LAMBDA_JVM_FLAGS);
      plain.add("-version");
      long t0 = System.nanoTime();
      Process version0 = new ProcessBuilder(plain).redirectErrorStream(true).start();
      version0.getInputStream().readAllBytes();
      version0.waitFor();
      bare[run] = (System.nanoTime() - t0) / 1_000_000;

      List<String> command = new ArrayList<>();
      command.add(java);
      command.addAll(LAMBDA_JVM_FLAGS);
      command.addAll(
          List.of("-cp", jar.toString(), "com.crmvoice.intent.LocalInvoke", request.toString()));
      ProcessBuilder builder = new ProcessBuilder(command);
      builder.environment().putAll(env);
      builder.redirectError(ProcessBuilder.Redirect.PIPE);
      long started = System.nanoTime();
      Process process = builder.start();
      InputStream stdout = process.getInputStream();
      int first = stdout.read();
      long firstByte = System.nanoTime();
      String rest = new String(stdout.readAllBytes(), StandardCharsets.UTF_8);
      String stderr = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
      int exit = process.waitFor();
      String response = (first < 0 ? "" : Character.toString(first)) + rest;
      if (exit != 0 || !response.contains("Lovelace")) {
        System.out.println("run failed (exit " + exit + "): " + response + "\n" + stderr);
        System.exit(1);
      }
      wall[run] = (firstByte - started) / 1_000_000;
      String report = stderr.lines().filter(l -> l.startsWith("cold-start")).findFirst().orElse("");
      for (String phase : PHASES) {
        Matcher m = Pattern.compile(phase + "=(\\d+)").matcher(report);
        phases.get(phase)[run] = m.find() ? Long.parseLong(m.group(1)) : -1;
      }
      System.out.printf(
          "run %d: process start -> first response byte %d ms (bare JVM %d ms); %s%n",
          run + 1, wall[run], bare[run], report);
    }
    System.out.printf(
        "cold start median %d ms, min %d ms, max %d ms over %d runs%n",
        median(wall),
        Arrays.stream(wall).min().orElse(0),
        Arrays.stream(wall).max().orElse(0),
        runs);
    String jdk = "Java " + version.replaceAll("^\\D*", "").replaceAll("[ \"].*", "");
    BenchRow.vs(
            ITEM,
            "cold start, process start to first response, median of " + runs + " (" + jdk + ")",
            median(wall) / 1000.0,
            "s",
            "bare JVM start and exit (java -version), same flags",
            median(bare) / 1000.0,
            BenchRow.Goal.valueAtMost(0.7))
        .emit();
    for (String phase : PHASES) {
      if (phase.equals("classes")) {
        BenchRow.of(ITEM, "classes loaded (" + jdk + ")", median(phases.get(phase)), "", null)
            .emit();
      } else {
        BenchRow.of(
                ITEM,
                "phase " + phase + ", median (" + jdk + ")",
                median(phases.get(phase)) / 1000.0,
                "s",
                null)
            .emit();
      }
    }
  }

  private static final List<String> PHASES = List.of("jvmToMain", "init", "firstInvoke", "classes");
  static final String ITEM = "2 cold start";

  private static long median(long[] values) {
    long[] sorted = values.clone();
    Arrays.sort(sorted);
    return sorted[sorted.length / 2];
  }

  private static String version(String java) throws Exception {
    Process process = new ProcessBuilder(java, "-version").redirectErrorStream(true).start();
    String text = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    process.waitFor();
    return text.lines().findFirst().orElse("unknown");
  }
}
