package com.crmvoice.refresher.bench;

import com.crmvoice.testkit.salesforce.FakeSalesforce;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

/**
 * The alternative the deal passes do not take, measured over the same fake org: the books' figures
 * by SOQL aggregate queries instead of from the cached rows. Per period (this and next quarter,
 * this and next month, calendar periods as the bench org has no custom fiscal year), the open
 * figures by owner and stage ({@code GROUP BY OwnerId, StageName}: the amount, the count and the
 * top stages) and the won figures by owner ({@code GROUP BY OwnerId}). An aggregate answer cannot
 * be paged (no query locator) and holds at most 2,000 groups, so each query walks the owners by
 * key: {@code ORDER BY OwnerId ... LIMIT 2000}, the next call from the last owner of a full answer
 * again ({@code OwnerId >=}, its groups read again whole). Counts the calls and the groups read.
 * The weighted amount has no aggregate form (Probability cannot be grouped, SUM takes no product),
 * and the books' open deals still need the row query, so these calls come on top of it.
 */
final class AggregatePlan {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int MAX_GROUPS = 2000;

  record Result(int calls, long groups, long millis) {}

  private final FakeSalesforce salesforce;
  private final HttpClient http = HttpClient.newHttpClient();
  private int calls;
  private long groups;

  AggregatePlan(FakeSalesforce salesforce) {
    this.salesforce = salesforce;
  }

  /**
   * Runs the plan over the org the deal passes just read, prints it and its rows beside the full
   * pass's calls from rows ({@code rowCalls}), which the books need anyway.
   */
  static void measure(FakeSalesforce salesforce, long rowCalls) throws Exception {
    Result result = new AggregatePlan(salesforce).run(LocalDate.now(java.time.ZoneOffset.UTC));
    System.out.printf(
        "deal figures by SOQL GROUP BY: %d calls, %,d groups read, %,d ms (4 periods, open by"
            + " owner and stage, won by owner)%n",
        result.calls(), result.groups(), result.millis());
    com.crmvoice.testkit.bench.BenchRow.vs(
            RefreshBench.ITEM,
            "Salesforce calls, the books' figures by SOQL GROUP BY (on top of the row query)",
            result.calls(),
            "calls",
            "deals-full (settings cached), figures from the rows it reads anyway",
            rowCalls,
            null)
        .emit();
  }

  Result run(LocalDate today) throws Exception {
    long start = System.nanoTime();
    LocalDate quarter = today.withDayOfMonth(1).withMonth((today.getMonthValue() - 1) / 3 * 3 + 1);
    LocalDate month = today.withDayOfMonth(1);
    List<LocalDate[]> periods =
        List.of(
            new LocalDate[] {quarter, quarter.plusMonths(3).minusDays(1)},
            new LocalDate[] {quarter.plusMonths(3), quarter.plusMonths(6).minusDays(1)},
            new LocalDate[] {month, month.plusMonths(1).minusDays(1)},
            new LocalDate[] {month.plusMonths(1), month.plusMonths(2).minusDays(1)});
    for (LocalDate[] p : periods) {
      String range = " AND CloseDate >= " + p[0] + " AND CloseDate <= " + p[1];
      walk(
          "SELECT OwnerId, StageName, SUM(Amount), COUNT(Id) FROM Opportunity WHERE IsClosed ="
              + " false"
              + range,
          " GROUP BY OwnerId, StageName ORDER BY OwnerId, StageName LIMIT " + MAX_GROUPS);
      walk(
          "SELECT OwnerId, SUM(Amount), COUNT(Id) FROM Opportunity WHERE IsWon = true" + range,
          " GROUP BY OwnerId ORDER BY OwnerId LIMIT " + MAX_GROUPS);
    }
    return new Result(calls, groups, (System.nanoTime() - start) / 1_000_000);
  }

  /** One aggregate query over all owners, by key from the last owner of each full answer. */
  private void walk(String head, String tail) throws Exception {
    String from = null;
    while (true) {
      String where = from == null ? "" : " AND OwnerId >= '" + from + "'";
      JsonNode records = query(head + where + tail).path("records");
      if (records.size() < MAX_GROUPS) {
        groups += records.size();
        return;
      }
      String last = records.get(records.size() - 1).path("OwnerId").asText();
      if (last.equals(from)) {
        throw new IllegalStateException("one owner has more than " + MAX_GROUPS + " groups");
      }
      for (JsonNode r : records) {
        if (!r.path("OwnerId").asText().equals(last)) {
          groups++;
        }
      }
      from = last;
    }
  }

  private JsonNode query(String soql) throws Exception {
    calls++;
    HttpRequest request =
        HttpRequest.newBuilder(
                URI.create(
                    salesforce.baseUrl()
                        + "/services/data/v62.0/query?q="
                        + URLEncoder.encode(soql, StandardCharsets.UTF_8)))
            .header(
                "Authorization",
                "Bearer " + salesforce.issueUserToken(FakeSalesforce.INTEGRATION_USER_ID))
            .GET()
            .build();
    HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 200) {
      throw new IllegalStateException("aggregate query refused: " + response.body());
    }
    return JSON.readTree(response.body());
  }
}
