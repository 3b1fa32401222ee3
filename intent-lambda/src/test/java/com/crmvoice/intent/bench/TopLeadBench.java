package com.crmvoice.intent.bench;

import com.crmvoice.adapters.dynamodb.TableKeys;
import com.crmvoice.core.config.CacheConfig;
import com.crmvoice.core.config.EnvironmentReader;
import com.crmvoice.core.domain.CrmUser;
import com.crmvoice.core.domain.Lead;
import com.crmvoice.core.domain.LeadDigest;
import com.crmvoice.intent.IntentStack;
import com.crmvoice.intent.SkillHarness;
import com.crmvoice.testkit.alexa.AlexaRequests;
import com.crmvoice.testkit.bench.AwsCallMeter;
import com.crmvoice.testkit.bench.BenchRow;
import com.crmvoice.testkit.bench.BenchRow.Goal;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

/**
 * GetTopLead against the limit and against the design it replaces, in one process and one run:
 *
 * <ol>
 *   <li>(a) the physical limit here: a bare DynamoDB Query for one owner's cached items (the query
 *       the lead cache makes: consistent, the meta item and the top N) on the same DynamoDB Local
 *       with a client from the same factory;
 *   <li>(b) GetTopLead through the Lambda stream handler, request bytes in, response bytes out,
 *       identity cached (every token resolved once before measuring);
 *   <li>(c) the seed design: per utterance an HTTP call to a wrapper service that signs in to the
 *       fake Salesforce (username-password OAuth, a login per call) and runs the SOQL query, with
 *       the fake's per-call latency at 100 ms. Only the HTTP hop is timed, not the seed skill's own
 *       request handling, so (c) is a lower bound and the ratio (c)/(b) a conservative one.
 * </ol>
 *
 * (a) and (b) are measured interleaved, request by request, so that the load of other processes on
 * the machine falls on both alike. Also printed: the handler over the in-memory cache (its own
 * overhead), Salesforce calls and DynamoDB calls and read units per GetTopLead. Prints figures and
 * {@link BenchRow}s, asserts nothing. Args: [DynamoDB requests] [seed-design requests] [in-memory
 * requests] (defaults 3000, 100, 20000).
 */
public final class TopLeadBench {

  static final String ITEM = "1 GetTopLead";
  private static final int OWNERS = 200;
  private static final Duration SALESFORCE_LATENCY = Duration.ofMillis(100);

  private TopLeadBench() {}

  public static void main(String[] args) throws IOException {
    int dynamo = args.length > 0 ? Integer.parseInt(args[0]) : 3_000;
    int seed = args.length > 1 ? Integer.parseInt(args[1]) : 100;
    int inMemory = args.length > 2 ? Integer.parseInt(args[2]) : 20_000;
    System.out.printf(
        "GetTopLead benchmark: java %s, %d CPUs%n",
        System.getProperty("java.version"), Runtime.getRuntime().availableProcessors());
    inMemory(inMemory);
    againstLimitAndSeed(dynamo, seed);
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
    Latencies handler = new Latencies(requests);
    int warmup = Math.max(500, requests / 5);
    for (int i = 0; i < warmup + requests; i++) {
      byte[] envelope = envelopes.get(i % OWNERS);
      long t0 = System.nanoTime();
      invoke(skill.handler, envelope);
      if (i >= warmup) {
        handler.add(System.nanoTime() - t0);
      }
    }
    handler.print("in-memory cache, handler overhead");
    BenchRow.of(ITEM, "handler over the in-memory cache p50", handler.p(0.50), "ms", null).emit();
  }

  private static void againstLimitAndSeed(int requests, int seedRequests) throws IOException {
    try (IntentStack stack = new IntentStack(Map.of());
        SeedDesignWrapper seed = new SeedDesignWrapper(stack.salesforce)) {
      int topN = CacheConfig.fromEnv(EnvironmentReader.of(stack.env)).topN();
      List<String> owners = new ArrayList<>();
      List<AlexaRequests> envelopes = new ArrayList<>();
      for (int i = 0; i < OWNERS; i++) {
        String owner = String.format("005DDBBN%07dAAA", i);
        owners.add(owner);
        String token = stack.salesforce.issueUserToken(owner);
        Lead[] leads = leads(owner, 5);
        stack.cache.replaceOwnerLeads(
            owner, List.of(leads), LeadDigest.of(List.of(leads)), Instant.now());
        for (Lead lead : leads) {
          stack.salesforce.insertLead(
              Map.of(
                  "OwnerId", owner,
                  "FirstName", lead.firstName(),
                  "LastName", lead.lastName(),
                  "Company", lead.company(),
                  "Status", lead.status(),
                  "CreatedDate", lead.createdAt()));
        }
        envelopes.add(stack.request(AlexaRequests.intent("GetTopLeadIntent"), token));
      }
      // Every token's user is resolved once (userinfo), then served from the identity cache.
      envelopes.forEach(stack::invoke);
      List<byte[]> bytes = envelopes.stream().map(AlexaRequests::toBytes).toList();
      DynamoDbClient dynamoDb = stack.clients.dynamoDb();
      List<QueryRequest> queries =
          owners.stream().map(o -> cacheQuery(stack.leadsTable, o, topN)).toList();

      stack.salesforce.faults().latency(SALESFORCE_LATENCY);
      int warmup = Math.max(300, requests / 5);
      for (int i = 0; i < warmup; i++) {
        dynamoDb.query(queries.get(i % OWNERS));
        invoke(stack.handler, bytes.get(i % OWNERS));
      }
      stack.salesforce.resetCalls();
      AwsCallMeter.reset();
      Latencies bare = new Latencies(requests);
      Latencies handler = new Latencies(requests);
      for (int i = 0; i < requests; i++) {
        int owner = i % OWNERS;
        // Alternate which goes first, so neither always finds the owner's items just read.
        if (i % 2 == 0) {
          bare.add(timeQuery(dynamoDb, queries.get(owner)));
          handler.add(timeInvoke(stack.handler, bytes.get(owner)));
        } else {
          handler.add(timeInvoke(stack.handler, bytes.get(owner)));
          bare.add(timeQuery(dynamoDb, queries.get(owner)));
        }
      }
      AwsCallMeter.Counts counts = AwsCallMeter.counts();
      int salesforceCalls = stack.salesforce.calls().values().stream().mapToInt(i -> i).sum();
      bare.print("(a) bare DynamoDB Query, same client");
      handler.print("(b) stream handler, DynamoDB Local");

      for (int i = 0; i < Math.min(5, seedRequests); i++) {
        seed.topLead(owners.get(i));
      }
      Latencies seeded = new Latencies(seedRequests);
      for (int i = 0; i < seedRequests; i++) {
        String owner = owners.get(i % OWNERS);
        long t0 = System.nanoTime();
        String body = seed.topLead(owner);
        seeded.add(System.nanoTime() - t0);
        if (!body.contains("Last0")) {
          throw new IllegalStateException("the seed design found no top lead: " + body);
        }
      }
      seeded.print("(c) seed design, login + SOQL per call");

      for (String q : new String[] {"p50", "p99"}) {
        double quantile = q.equals("p50") ? 0.50 : 0.99;
        BenchRow.of(ITEM, "(a) bare DynamoDB Query " + q, bare.p(quantile), "ms", null).emit();
        BenchRow.vs(
                ITEM,
                "(b) stream handler, identity cached " + q,
                handler.p(quantile),
                "ms",
                "(a) " + q,
                bare.p(quantile),
                Goal.ratioAtMost(1.5))
            .emit();
        BenchRow.vs(
                ITEM,
                "(c) seed design (HTTP hop, password login, SOQL; 100 ms per Salesforce call) " + q,
                seeded.p(quantile),
                "ms",
                "(b) " + q,
                handler.p(quantile),
                Goal.ratioAtLeast(20))
            .emit();
      }
      BenchRow.of(
              ITEM,
              "Salesforce calls per GetTopLead (cache hit)",
              (double) salesforceCalls / requests,
              "",
              Goal.valueAtMost(0))
          .emit();
      if (AwsCallMeter.installed()) {
        // Half of the DynamoDB calls were the bare queries of (a).
        BenchRow.of(
                ITEM,
                "DynamoDB calls per GetTopLead",
                (counts.callsOf("DynamoDb:") - requests) / (double) requests,
                "",
                null)
            .emit();
        BenchRow.of(
                ITEM,
                "DynamoDB read units per GetTopLead",
                counts.readUnits() / 2 / requests,
                "RRU",
                null)
            .emit();
      }
      stack.salesforce.faults().latency(Duration.ZERO);
    }
  }

  private static long timeQuery(DynamoDbClient dynamoDb, QueryRequest query) {
    long t0 = System.nanoTime();
    dynamoDb.query(query);
    return System.nanoTime() - t0;
  }

  private static long timeInvoke(com.amazon.ask.SkillStreamHandler handler, byte[] envelope) {
    long t0 = System.nanoTime();
    invoke(handler, envelope);
    return System.nanoTime() - t0;
  }

  /** The Query the lead cache makes for an owner's top leads: the meta item and the top N. */
  private static QueryRequest cacheQuery(String table, String owner, int topN) {
    return QueryRequest.builder()
        .tableName(table)
        .keyConditionExpression("#pk = :owner")
        .expressionAttributeNames(Map.of("#pk", TableKeys.LEADS_PK))
        .expressionAttributeValues(Map.of(":owner", AttributeValue.fromS(owner)))
        .limit(topN + 1)
        .consistentRead(true)
        .build();
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

  /** Latencies in nanoseconds; quantiles in milliseconds. */
  static final class Latencies {
    private final long[] nanos;
    private int size;

    Latencies(int capacity) {
      nanos = new long[Math.max(1, capacity)];
    }

    void add(long nanoseconds) {
      nanos[size++] = nanoseconds;
    }

    double p(double quantile) {
      long[] sorted = Arrays.copyOf(nanos, size);
      Arrays.sort(sorted);
      int index = (int) Math.ceil(quantile * sorted.length) - 1;
      return sorted[Math.max(0, index)] / 1e6;
    }

    void print(String name) {
      System.out.printf(
          "%-42s n=%d p50=%.3f ms p90=%.3f ms p99=%.3f ms max=%.3f ms%n",
          name, size, p(0.50), p(0.90), p(0.99), p(1.0));
    }
  }

  private static void invoke(com.amazon.ask.SkillStreamHandler handler, byte[] envelope) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(2048);
    try {
      handler.handleRequest(new ByteArrayInputStream(envelope), out, null);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (out.size() == 0) {
      throw new IllegalStateException("no response");
    }
  }
}
