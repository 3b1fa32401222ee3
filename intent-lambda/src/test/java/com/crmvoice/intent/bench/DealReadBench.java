package com.crmvoice.intent.bench;

import com.crmvoice.adapters.dynamodb.DynamoDbDealCache;
import com.crmvoice.adapters.dynamodb.TableKeys;
import com.crmvoice.core.config.CacheConfig;
import com.crmvoice.core.config.EnvironmentReader;
import com.crmvoice.core.domain.deal.Deal;
import com.crmvoice.core.domain.deal.DealBook;
import com.crmvoice.core.port.DealCache;
import com.crmvoice.intent.IntentStack;
import com.crmvoice.intent.bench.TopLeadBench.Latencies;
import com.crmvoice.testkit.alexa.AlexaRequests;
import com.crmvoice.testkit.bench.AwsCallMeter;
import com.crmvoice.testkit.bench.BenchRow;
import com.crmvoice.testkit.bench.BenchRow.Goal;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

/**
 * "Tell me about the X deal" against the physical limit, in one process and one run: (a) a bare
 * DynamoDB Query for one owner's deal book (the query the deal cache makes) on the same DynamoDB
 * Local with a client from the same factory; (b) DealDetailsIntent through the Lambda stream
 * handler, request bytes in, response bytes out, identity cached, each owner's book holding {@link
 * DealCache#MAX_DEALS_PER_OWNER} deals (the largest book the cache keeps, the most names to match
 * and send): (b) as a session's first turn (the deal and lead names sent: the book and the lead set
 * read), (c) as a later turn (the names already sent: the book alone read). Interleaved request by
 * request, so other load on the machine falls on all alike. Also printed: DynamoDB calls and
 * Salesforce calls per answer. Prints figures and {@link BenchRow}s, asserts nothing. Args:
 * [requests] (default 2000).
 */
public final class DealReadBench {

  static final String ITEM = "1b Deal by name";
  private static final int OWNERS = 100;

  private DealReadBench() {}

  public static void main(String[] args) throws IOException {
    int requests = args.length > 0 ? Integer.parseInt(args[0]) : 2_000;
    System.out.printf(
        "Deal read benchmark: java %s, %d CPUs%n",
        System.getProperty("java.version"), Runtime.getRuntime().availableProcessors());
    try (IntentStack stack = new IntentStack(Map.of())) {
      DynamoDbDealCache deals =
          new DynamoDbDealCache(
              stack.clients.dynamoDb(),
              stack.leadsTable,
              CacheConfig.fromEnv(EnvironmentReader.of(stack.env)),
              Clock.systemUTC());
      List<byte[]> envelopes = new ArrayList<>();
      List<byte[]> laterTurns = new ArrayList<>();
      List<QueryRequest> queries = new ArrayList<>();
      for (int i = 0; i < OWNERS; i++) {
        String owner = String.format("005DEALB%07dAAA", i);
        String token = stack.salesforce.issueUserToken(owner);
        deals.replaceOwnerBook(owner, new DealBook(book(owner), List.of()), Instant.now());
        AlexaRequests ask =
            stack.request(
                AlexaRequests.intent("DealDetailsIntent").slot("dealName", "Account 42 renewal"),
                token);
        stack.invoke(ask); // the token's user resolved once, then from the identity cache
        String said = IntentStack.speech(stack.invoke(ask));
        if (!said.contains("Account 42 renewal, with Account 42")) {
          throw new IllegalStateException("the deal was not found: " + said);
        }
        envelopes.add(ask.toBytes());
        // A later turn of the same session: the attributes the skill answered with (the deal
        // names already sent, so not sent again).
        com.fasterxml.jackson.databind.JsonNode first = stack.invoke(ask);
        laterTurns.add(
            ask.session("amzn1.echo-api.session.bench-" + i, false)
                .sessionAttributes(
                    (com.fasterxml.jackson.databind.node.ObjectNode)
                        first.path("sessionAttributes"))
                .toBytes());
        queries.add(bookQuery(stack.leadsTable, owner));
      }
      DynamoDbClient dynamoDb = stack.clients.dynamoDb();
      int warmup = Math.max(300, requests / 5);
      for (int i = 0; i < warmup; i++) {
        dynamoDb.query(queries.get(i % OWNERS));
        invoke(stack.handler, envelopes.get(i % OWNERS));
      }
      stack.salesforce.resetCalls();
      AwsCallMeter.reset();
      Latencies bare = new Latencies(requests);
      Latencies handler = new Latencies(requests);
      Latencies later = new Latencies(requests);
      for (int i = 0; i < requests; i++) {
        int owner = i % OWNERS;
        if (i % 2 == 0) {
          bare.add(timeQuery(dynamoDb, queries.get(owner)));
          handler.add(timeInvoke(stack.handler, envelopes.get(owner)));
          later.add(timeInvoke(stack.handler, laterTurns.get(owner)));
        } else {
          later.add(timeInvoke(stack.handler, laterTurns.get(owner)));
          handler.add(timeInvoke(stack.handler, envelopes.get(owner)));
          bare.add(timeQuery(dynamoDb, queries.get(owner)));
        }
      }
      AwsCallMeter.Counts counts = AwsCallMeter.counts();
      int salesforceCalls = stack.salesforce.calls().values().stream().mapToInt(i -> i).sum();
      bare.print("(a) bare DynamoDB Query of a deal book");
      handler.print("(b) DealDetailsIntent, a session's first");
      later.print("(c) DealDetailsIntent, a later turn");
      for (String q : new String[] {"p50", "p99"}) {
        double quantile = q.equals("p50") ? 0.50 : 0.99;
        BenchRow.of(ITEM, "(a) bare DynamoDB Query of a book " + q, bare.p(quantile), "ms", null)
            .emit();
        BenchRow.vs(
                ITEM,
                "(b) DealDetailsIntent, 100-deal book, first turn (book + lead names read) " + q,
                handler.p(quantile),
                "ms",
                "(a) " + q,
                bare.p(quantile),
                Goal.ratioAtMost(2.5))
            .emit();
        BenchRow.vs(
                ITEM,
                "(c) the same, a later turn (names already sent) " + q,
                later.p(quantile),
                "ms",
                "(a) " + q,
                bare.p(quantile),
                Goal.ratioAtMost(1.5))
            .emit();
      }
      BenchRow.of(
              ITEM,
              "Salesforce calls per deal answer",
              (double) salesforceCalls / requests,
              "",
              Goal.valueAtMost(0))
          .emit();
      if (AwsCallMeter.installed()) {
        System.out.println("AWS calls during the measured requests: " + counts);
      }
    }
    System.exit(0);
  }

  private static List<Deal> book(String owner) {
    List<Deal> deals = new ArrayList<>();
    LocalDate today = LocalDate.now();
    for (int i = 0; i < DealCache.MAX_DEALS_PER_OWNER; i++) {
      deals.add(
          new Deal(
              "006" + owner.substring(8, 15) + String.format("%05d", i) + "AAA",
              owner,
              "Account " + i + " renewal",
              "Account " + i,
              "Prospecting",
              new BigDecimal(1000 + i * 10),
              null,
              today.plusDays(i),
              null,
              null,
              "Call back",
              today.minusDays(1),
              null));
    }
    return deals;
  }

  /** The Query the deal cache makes for an owner's book. */
  private static QueryRequest bookQuery(String table, String owner) {
    return QueryRequest.builder()
        .tableName(table)
        .keyConditionExpression("#pk = :pk AND #sk = :sk")
        .expressionAttributeNames(Map.of("#pk", TableKeys.LEADS_PK, "#sk", TableKeys.LEADS_SK))
        .expressionAttributeValues(
            Map.of(
                ":pk", AttributeValue.fromS(TableKeys.DEALS_OWNER_PREFIX + owner),
                ":sk", AttributeValue.fromS(TableKeys.DEALS_BOOK_SK)))
        .build();
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

  private static void invoke(com.amazon.ask.SkillStreamHandler handler, byte[] envelope) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(8192);
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
