package com.crmvoice.adapters.salesforce;

import static org.assertj.core.api.Assertions.assertThat;

import com.crmvoice.core.config.SalesforceConfig;
import com.crmvoice.core.domain.Lead;
import com.crmvoice.testkit.salesforce.FakeSalesforce;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The top open leads of many owners at once, against the fake Salesforce. */
class SalesforceTopLeadsOfIT {

  private FakeSalesforce sf;

  @BeforeEach
  void start() {
    sf = FakeSalesforce.start();
  }

  @AfterEach
  void stop() {
    sf.close();
  }

  private SalesforceCrmGateway gateway() {
    return new SalesforceCrmGateway(
        new SalesforceConfig(
            sf.baseUrl(),
            "62.0",
            SalesforceConfig.AuthFlow.CLIENT_CREDENTIALS,
            FakeSalesforce.CLIENT_ID,
            FakeSalesforce.CLIENT_SECRET,
            null,
            null,
            null,
            List.copyOf(FakeSalesforce.CLOSED_STATUSES),
            Duration.ofSeconds(2)),
        HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build(),
        Clock.systemUTC());
  }

  private static String owner(int n) {
    return String.format("005%012dAAA", n);
  }

  private void lead(String owner, String last, int daysAgo, String status) {
    sf.insertLead(
        Map.of(
            "OwnerId",
            owner,
            "LastName",
            last,
            "Company",
            "Co " + last,
            "Status",
            status,
            "CreatedDate",
            Instant.parse("2026-01-01T00:00:00Z").minus(Duration.ofDays(daysAgo))));
  }

  @Test
  void answersEachOwnersOldestOpenLeadsInOneQueryPer200Owners() {
    List<String> owners = new ArrayList<>();
    for (int i = 1; i <= 250; i++) {
      owners.add(owner(i));
      lead(owner(i), "Newer" + i, 1, "Open - Not Contacted");
      lead(owner(i), "Oldest" + i, 30, "Working - Contacted");
      lead(owner(i), "Middle" + i, 10, "Open - Not Contacted");
      lead(owner(i), "Closed" + i, 60, "Closed - Not Converted");
    }
    owners.add(owner(999)); // no lead at all
    lead(owner(1000), "NotAsked", 90, "Open - Not Contacted");
    SalesforceCrmGateway gateway = gateway();
    gateway.topOpenLeads(owner(1), 1); // signs in
    sf.resetCalls();

    Map<String, List<Lead>> top = gateway.topOpenLeadsOf(owners, 2);

    // 251 owners: two queries (200 + 51 owners), each on one page here.
    assertThat(sf.calls("query")).isEqualTo(2);
    assertThat(top.keySet()).containsExactlyElementsOf(owners);
    assertThat(top.get(owner(1))).extracting(Lead::lastName).containsExactly("Oldest1", "Middle1");
    assertThat(top.get(owner(250)))
        .extracting(Lead::lastName)
        .containsExactly("Oldest250", "Middle250");
    assertThat(top.get(owner(999))).isEmpty();
    assertThat(top.values()).allSatisfy(leads -> assertThat(leads).hasSizeLessThanOrEqualTo(2));
    for (String owner : owners) {
      assertThat(top.get(owner)).isEqualTo(gateway.topOpenLeads(owner, 2));
    }
  }
}
