package com.crmvoice.intent.bench;

import com.crmvoice.core.domain.CrmUser;
import com.crmvoice.core.domain.Lead;
import com.crmvoice.core.domain.LeadDigest;
import com.crmvoice.intent.IntentStack;
import com.crmvoice.intent.SkillHarness;
import com.crmvoice.testkit.alexa.AlexaRequests;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * GetTopLead latency through the Lambda stream handler (request bytes in, response bytes out), p50
 * / p90 / p99 over thousands of requests: (1) the handler's own overhead against the in-memory
 * cache, (2) end to end against DynamoDB Local (lead cache) with the real adapters. Prints figures,
 * asserts nothing. Args: [in-memory requests] [DynamoDB requests] (defaults 20000, 3000).
 */
public final class TopLeadBench {

  private static final int OWNERS = 200;

  private TopLeadBench() {}

  public static void main(String[] args) throws IOException {
    int inMemory = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
    int dynamo = args.length > 1 ? Integer.parseInt(args[1]) : 3_000;
    System.out.printf(
        "GetTopLead benchmark: java %s, %d CPUs%n",
        System.getProperty("java.version"), Runtime.getRuntime().availableProcessors());
    inMemory(inMemory);
    dynamoDbLocal(dynamo);
    System.exit(0);
  }

  private static void inMemory(int requests) throws IOException {
    SkillHarness skill = new SkillHarness();
    List<byte[]> envelopes = new ArrayList<>();
    for (int i = 0; i < OWNERS; i++) {
      String owner = String.format("005BENCH%07dAAA", i);
      String token = "bench-token-" + i;
      skill.crm.addUser(token, new CrmUser(owner, "Owner " + i));
      skill.cacheLeads(owner, leads(owner, 5));
      envelopes.add(AlexaRequests.intent("GetTopLeadIntent").accessToken(token).toBytes());
    }
    run(
        "in-memory cache, handler overhead",
        requests,
        i -> invoke(skill, envelopes.get(i % OWNERS)));
  }

  private static void dynamoDbLocal(int requests) throws IOException {
    try (IntentStack stack = new IntentStack(Map.of())) {
      List<AlexaRequests> envelopes = new ArrayList<>();
      for (int i = 0; i < OWNERS; i++) {
        String owner = String.format("005DDBBN%07dAAA", i);
        String token = stack.salesforce.issueUserToken(owner);
        Lead[] leads = leads(owner, 5);
        stack.cache.replaceOwnerLeads(
            owner, List.of(leads), LeadDigest.of(List.of(leads)), Instant.now());
        envelopes.add(stack.request(AlexaRequests.intent("GetTopLeadIntent"), token));
      }
      // Every token's user is resolved once (userinfo), then served from the identity cache.
      envelopes.forEach(stack::invoke);
      List<byte[]> bytes = envelopes.stream().map(AlexaRequests::toBytes).toList();
      run(
          "DynamoDB Local lead cache, end to end",
          requests,
          i -> invoke(stack.handler, bytes.get(i % OWNERS)));
    }
  }

  private static Lead[] leads(String owner, int n) {
    Lead[] leads = new Lead[n];
    for (int i = 0; i < n; i++) {
      leads[i] =
          new Lead(
              owner.substring(0, 3) + "Q" + owner.substring(4, 15) + i + "AA",
              owner,
              "First" + i,
              "Last" + i,
              "Company " + i,
              "lead" + i + "@example.com",
              "+1 555 01" + i + "0",
              "Open - Not Contacted",
              Instant.parse("2026-01-01T00:00:00Z").plusSeconds(i * 3600L));
    }
    return leads;
  }

  private interface Call {
    void run(int i) throws IOException;
  }

  private static void run(String name, int requests, Call call) throws IOException {
    int warmup = Math.max(500, requests / 5);
    for (int i = 0; i < warmup; i++) {
      call.run(i);
    }
    long[] nanos = new long[requests];
    long started = System.nanoTime();
    for (int i = 0; i < requests; i++) {
      long t0 = System.nanoTime();
      call.run(i);
      nanos[i] = System.nanoTime() - t0;
    }
    long total = System.nanoTime() - started;
    Arrays.sort(nanos);
    System.out.printf(
        "%-40s n=%d warmup=%d p50=%.3f ms p90=%.3f ms p99=%.3f ms max=%.3f ms throughput=%.0f req/s%n",
        name,
        requests,
        warmup,
        ms(nanos, 0.50),
        ms(nanos, 0.90),
        ms(nanos, 0.99),
        nanos[nanos.length - 1] / 1e6,
        requests / (total / 1e9));
  }

  private static double ms(long[] sorted, double quantile) {
    int index = (int) Math.ceil(quantile * sorted.length) - 1;
    return sorted[Math.max(0, index)] / 1e6;
  }

  private static void invoke(SkillHarness skill, byte[] envelope) throws IOException {
    invoke(skill.handler, envelope);
  }

  private static void invoke(com.amazon.ask.SkillStreamHandler handler, byte[] envelope)
      throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream(2048);
    handler.handleRequest(new ByteArrayInputStream(envelope), out, null);
    if (out.size() == 0) {
      throw new IllegalStateException("no response");
    }
  }
}
