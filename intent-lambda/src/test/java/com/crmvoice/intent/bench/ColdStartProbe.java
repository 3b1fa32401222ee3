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
 * the same run. Variants, each over fresh JVMs: {@code cold} (no SnapStart), {@code restore} (the
 * restore proxy: LocalInvoke runs the SnapStart hooks, priming then the after-restore refresh, and
 * the first request after them is timed), {@code cds} (an AppCDS archive on Java 17, an AOT cache
 * on Java 25+, each made by one training run first). Args: [shaded jar] [runs] [another JDK's home,
 * measured too, or ""] [variants, comma-separated] (defaults
 * intent-lambda/target/intent-lambda-0.1.0-SNAPSHOT-lambda.jar, 7, none, cold,restore,cds).
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
      List<String> variants = List.of((args.length > 3 ? args[3] : "cold,restore,cds").split(","));
      for (String home : homes) {
        probe(Path.of(home), jar, request, stack.env, runs, variants);
      }
    }
    System.exit(0);
  }

  /** How a JVM is started for one variant: extra flags, LocalInvoke's extra arguments. */
  private record Variant(String name, List<String> flags, List<String> args) {}

  private static void probe(
      Path home, Path jar, Path request, Map<String, String> env, int runs, List<String> variants)
      throws Exception {
    String java = Path.of(home.toString(), "bin", "java").toString();
    String version = version(java);
    String jdk = "Java " + version.replaceAll("^\\D*", "").replaceAll("[ \"].*", "");
    int feature = Integer.parseInt(jdk.replaceAll("^Java (\\d+).*", "$1"));
    System.out.printf(
        "cold start: %s, jar %.1f MB, flags %s, load average %.2f%n",
        version, Files.size(jar) / 1e6, LAMBDA_JVM_FLAGS, BenchRow.loadNow());
    long[] bare = new long[runs];
    for (int run = 0; run < runs; run++) {
      List<String> plain = new ArrayList<>(List.of(java));
      plain.addAll(LAMBDA_JVM_FLAGS);
      plain.add("-version");
      long t0 = System.nanoTime();
      Process version0 = new ProcessBuilder(plain).redirectErrorStream(true).start();
      version0.getInputStream().readAllBytes();
      version0.waitFor();
      bare[run] = (System.nanoTime() - t0) / 1_000_000;
    }
    Result cold = null;
    for (String name : variants) {
      Variant variant;
      switch (name) {
        case "cold" -> variant = new Variant("cold", List.of(), List.of());
        case "restore" -> variant = new Variant("restore", List.of(), List.of("--restore-proxy"));
        case "cds" -> {
          Path archive = Files.createTempFile("intent-" + feature, feature >= 25 ? ".aot" : ".jsa");
          Files.delete(archive);
          // Java 25: an AOT cache (JEP 483/514: classes loaded and linked, profiles) from one
          // training run; Java 17: a dynamic AppCDS archive of the classes the run loaded.
          String train =
              feature >= 25
                  ? "-XX:AOTCacheOutput=" + archive
                  : "-XX:ArchiveClassesAtExit=" + archive;
          run(java, jar, request, env, List.of(train), List.of());
          String use =
              feature >= 25 ? "-XX:AOTCache=" + archive : "-XX:SharedArchiveFile=" + archive;
          variant =
              new Variant(feature >= 25 ? "AOT cache" : "AppCDS archive", List.of(use), List.of());
        }
        default -> throw new IllegalArgumentException("no such variant: " + name);
      }
      Result result = measure(java, jar, request, env, runs, variant);
      String label = jdk + (variant.name().equals("cold") ? "" : ", " + variant.name());
      if (variant.name().equals("restore")) {
        long proxy =
            median(sum(result.phases.get("afterRestore"), result.phases.get("firstInvoke")));
        System.out.printf("restore proxy median %d ms (afterRestore + first request)%n", proxy);
        BenchRow.vs(
                ITEM,
                "restore proxy: afterRestore + first request after priming, same JVM, median ("
                    + jdk
                    + ")",
                proxy / 1000.0,
                "s",
                cold == null ? "" : "cold start without SnapStart",
                cold == null ? Double.NaN : median(cold.wall) / 1000.0,
                null)
            .emit();
        BenchRow.of(
                ITEM,
                "phase prime (beforeCheckpoint), median (" + jdk + ")",
                median(result.phases.get("prime")) / 1000.0,
                "s",
                null)
            .emit();
        continue;
      }
      if (variant.name().equals("cold")) {
        cold = result;
        BenchRow.vs(
                ITEM,
                "cold start, process start to first response, median of "
                    + runs
                    + " ("
                    + label
                    + ")",
                median(result.wall) / 1000.0,
                "s",
                "bare JVM start and exit (java -version), same flags",
                median(bare) / 1000.0,
                BenchRow.Goal.valueAtMost(0.7))
            .emit();
      } else {
        BenchRow.vs(
                ITEM,
                "cold start, median of " + runs + " (" + label + ")",
                median(result.wall) / 1000.0,
                "s",
                cold == null ? "bare JVM start and exit" : "cold start, same JDK, no archive",
                cold == null ? median(bare) / 1000.0 : median(cold.wall) / 1000.0,
                BenchRow.Goal.valueAtMost(0.7))
            .emit();
      }
      for (String phase : List.of("jvmToMain", "init", "firstInvoke")) {
        BenchRow.of(
                ITEM,
                "phase " + phase + ", median (" + label + ")",
                median(result.phases.get(phase)) / 1000.0,
                "s",
                null)
            .emit();
      }
      BenchRow.of(
              ITEM,
              "CPU time to the first response, all threads, median (" + label + ")",
              median(result.phases.get("cpu")) / 1000.0,
              "s",
              null)
          .emit();
      BenchRow.of(
              ITEM,
              "classes loaded (" + label + ")",
              median(result.phases.get("classes")),
              "",
              null)
          .emit();
    }
  }

  private record Result(long[] wall, Map<String, long[]> phases) {}

  private static Result measure(
      String java, Path jar, Path request, Map<String, String> env, int runs, Variant variant)
      throws Exception {
    long[] wall = new long[runs];
    Map<String, long[]> phases = new LinkedHashMap<>();
    for (String phase : PHASES) {
      phases.put(phase, new long[runs]);
    }
    for (int run = 0; run < runs; run++) {
      long[] one = run(java, jar, request, env, variant.flags(), variant.args());
      wall[run] = one[0];
      for (int i = 0; i < PHASES.size(); i++) {
        phases.get(PHASES.get(i))[run] = one[i + 1];
      }
      System.out.printf(
          "%s run %d: process start -> first response byte %d ms; %s (load %.2f)%n",
          variant.name(), run + 1, wall[run], phasesOf(phases, run), BenchRow.loadNow());
    }
    System.out.printf(
        "%s: median %d ms, min %d ms, max %d ms over %d runs%n",
        variant.name(),
        median(wall),
        Arrays.stream(wall).min().orElse(0),
        Arrays.stream(wall).max().orElse(0),
        runs);
    return new Result(wall, phases);
  }

  /** One fresh JVM: the wall time to the first response byte, then each of {@link #PHASES}. */
  private static long[] run(
      String java,
      Path jar,
      Path request,
      Map<String, String> env,
      List<String> flags,
      List<String> args)
      throws Exception {
    List<String> command = new ArrayList<>();
    command.add(java);
    command.addAll(LAMBDA_JVM_FLAGS);
    command.addAll(flags);
    // For diagnosis: -Dcoldstart.flags="-Xlog:class+load:file=/tmp/cl.log:uptime" and the like.
    String extra = System.getProperty("coldstart.flags", "").strip();
    if (!extra.isEmpty()) {
      command.addAll(List.of(extra.split("\\s+")));
    }
    command.addAll(
        List.of("-cp", jar.toString(), "com.crmvoice.intent.LocalInvoke", request.toString()));
    command.addAll(args);
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
    long[] result = new long[PHASES.size() + 1];
    result[0] = (firstByte - started) / 1_000_000;
    String report = stderr.lines().filter(l -> l.startsWith("cold-start")).findFirst().orElse("");
    for (int i = 0; i < PHASES.size(); i++) {
      Matcher m = Pattern.compile(PHASES.get(i) + "=(\\d+)").matcher(report);
      result[i + 1] = m.find() ? Long.parseLong(m.group(1)) : 0;
    }
    return result;
  }

  private static String phasesOf(Map<String, long[]> phases, int run) {
    StringBuilder out = new StringBuilder();
    phases.forEach((name, values) -> out.append(name).append('=').append(values[run]).append(' '));
    return out.toString().strip();
  }

  private static long[] sum(long[] a, long[] b) {
    long[] sum = new long[a.length];
    for (int i = 0; i < a.length; i++) {
      sum[i] = a[i] + b[i];
    }
    return sum;
  }

  private static final List<String> PHASES =
      List.of("jvmToMain", "init", "prime", "afterRestore", "firstInvoke", "cpu", "classes");
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
