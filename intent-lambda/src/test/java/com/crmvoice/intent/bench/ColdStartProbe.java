package com.crmvoice.intent.bench;

import com.crmvoice.core.domain.Lead;
import com.crmvoice.core.domain.LeadDigest;
import com.crmvoice.intent.IntentStack;
import com.crmvoice.testkit.alexa.AlexaRequests;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Cold-start proxy: starts a fresh JVM on the shaded Lambda jar with the flags AWS Lambda's Java
 * runtime uses (-XX:+TieredCompilation -XX:TieredStopAtLevel=1 -XX:+UseSerialGC), runs {@code
 * LocalInvoke} (no-arg handler constructor, one GetTopLead request answered from DynamoDB Local)
 * and measures from process start to the first byte of the response on stdout. Repeats and prints
 * each run and the median. Args: [shaded jar] [runs] (defaults
 * intent-lambda/target/intent-lambda-0.1.0-SNAPSHOT-lambda.jar, 5).
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
    int runs = args.length > 1 ? Integer.parseInt(args[1]) : 5;
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

      System.out.printf(
          "cold start: %s, jar %.1f MB, flags %s%n",
          System.getProperty("java.version"), Files.size(jar) / 1e6, LAMBDA_JVM_FLAGS);
      long[] wall = new long[runs];
      for (int run = 0; run < runs; run++) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(LAMBDA_JVM_FLAGS);
        command.addAll(
            List.of("-cp", jar.toString(), "com.crmvoice.intent.LocalInvoke", request.toString()));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().putAll(stack.env);
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
        String report =
            stderr.lines().filter(l -> l.startsWith("cold-start")).findFirst().orElse("");
        System.out.printf(
            "run %d: process start -> first response byte %d ms; %s%n", run + 1, wall[run], report);
      }
      Arrays.sort(wall);
      System.out.printf(
          "cold start median %d ms, min %d ms, max %d ms over %d runs%n",
          wall[runs / 2], wall[0], wall[runs - 1], runs);
    }
    System.exit(0);
  }
}
