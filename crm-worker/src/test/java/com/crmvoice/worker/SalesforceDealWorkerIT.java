package com.crmvoice.worker;

import static org.assertj.core.api.Assertions.assertThat;

import com.crmvoice.adapters.dynamodb.DynamoDbDealCache;
import com.crmvoice.core.config.CacheConfig;
import com.crmvoice.core.domain.CommandState;
import com.crmvoice.core.domain.UpdateOpportunity;
import com.crmvoice.core.domain.deal.Deal;
import com.crmvoice.core.domain.deal.DealBook;
import com.crmvoice.core.domain.deal.DealChanges;
import com.crmvoice.core.port.DealCache;
import com.crmvoice.testkit.aws.EmbeddedAws;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The worker with the default CRM: deal updates (UpdateOpportunity) from the queue in ElasticMQ to
 * the fake Salesforce through the handler's own wiring, recorded in the command log and written
 * back into the owner's cached book in DynamoDB Local. Each lands once though delivered twice; a
 * stage change takes Salesforce's probability and forecast category and, closing the deal, takes it
 * out of the open deals; an update of a deal changed since the user heard it is rejected with its
 * reason and changes nothing.
 */
class SalesforceDealWorkerIT {

  private final WorkerStack stack = new WorkerStack(EmbeddedAws.shared(), Map.of(), 5);
  private final DynamoDbDealCache books =
      new DynamoDbDealCache(
          stack.clients.dynamoDb(),
          stack.leadsTable,
          new CacheConfig(5, Duration.ofHours(72)),
          Clock.systemUTC());
  private final LocalDate today = LocalDate.now(ZoneOffset.UTC);

  @AfterEach
  void close() {
    stack.close();
  }

  private String opportunity(String name, String account, String stage, String amount, int days) {
    return stack
        .salesforce
        .opportunities()
        .insert(
            Map.of(
                "OwnerId",
                WorkerStack.OWNER,
                "Name",
                name,
                "AccountId",
                stack.salesforce.opportunities().insertAccount(account, WorkerStack.OWNER),
                "StageName",
                stage,
                "Amount",
                new BigDecimal(amount),
                "CloseDate",
                today.plusDays(days)));
  }

  /** The deal as the refresher caches it and the user hears it. */
  private Deal heard(String id) {
    Map<String, Object> row = stack.salesforce.opportunities().get(id);
    return new Deal(
        id,
        WorkerStack.OWNER,
        (String) row.get("Name"),
        null,
        (String) row.get("StageName"),
        (BigDecimal) row.get("Amount"),
        null,
        (LocalDate) row.get("CloseDate"),
        ((Number) row.get("Probability")).intValue(),
        (String) row.get("ForecastCategoryName"),
        null,
        null,
        (Instant) row.get("LastModifiedDate"));
  }

  private UpdateOpportunity update(String commandId, Deal heard, Instant at, DealChanges to) {
    return new UpdateOpportunity(
        commandId,
        WorkerStack.OWNER,
        heard.id(),
        heard.name(),
        heard.stage(),
        heard.amount(),
        heard.closeDate(),
        heard.nextStep(),
        at,
        to,
        Instant.now());
  }

  private boolean finished(String... ids) {
    for (String id : ids) {
      if (!stack.log.find(id).map(r -> r.state().isFinal()).orElse(false)) {
        return false;
      }
    }
    return stack.depth(stack.queue.queueUrl()) == 0;
  }

  private List<Deal> cachedOpenDeals() {
    return ((DealCache.Snapshot.Known) books.book(WorkerStack.OWNER)).book().openDeals();
  }

  @Test
  void dealUpdatesLandOnceInSalesforceAndInTheCachedBook_andAStaleOneChangesNothing() {
    String acme =
        opportunity("Acme expansion", "Acme Corporation", "Negotiation/Review", "42500", 10);
    String northwind =
        opportunity("Northwind renewal", "Northwind Traders", "Proposal/Price Quote", "18000", 20);
    String contoso = opportunity("Contoso pilot", "Contoso", "Prospecting", "7500", 40);
    Deal acmeHeard = heard(acme);
    Deal northwindHeard = heard(northwind);
    Deal contosoHeard = heard(contoso);
    books.replaceOwnerBook(
        WorkerStack.OWNER,
        new DealBook(List.of(acmeHeard, northwindHeard, contosoHeard), List.of()),
        Instant.now());

    UpdateOpportunity raise =
        stack.submit(
            update(
                "sf-deal-amount",
                acmeHeard,
                acmeHeard.lastModifiedAt(),
                DealChanges.amount(new BigDecimal("50000"))));
    stack.sender.send(raise); // delivered twice
    stack.submit(
        update(
            "sf-deal-won",
            northwindHeard,
            northwindHeard.lastModifiedAt(),
            DealChanges.stage("Closed Won")));
    stack.submit(
        update(
            "sf-deal-stale",
            contosoHeard,
            contosoHeard.lastModifiedAt().minusSeconds(60),
            DealChanges.amount(BigDecimal.ONE)));

    assertThat(
            stack.pollUntil(
                () -> finished("sf-deal-amount", "sf-deal-won", "sf-deal-stale"),
                Duration.ofSeconds(30)))
        .isTrue();

    assertThat(stack.log.find("sf-deal-amount").orElseThrow().state()).isEqualTo(CommandState.DONE);
    assertThat(stack.salesforce.opportunities().get(acme).get("Amount"))
        .satisfies(a -> assertThat(new BigDecimal(a.toString())).isEqualByComparingTo("50000"));
    assertThat(stack.salesforce.opportunities().appliedUpdates(acme)).isEqualTo(1);

    assertThat(stack.log.find("sf-deal-won").orElseThrow().state()).isEqualTo(CommandState.DONE);
    assertThat(stack.salesforce.opportunities().get(northwind))
        .containsEntry("StageName", "Closed Won")
        .containsEntry("ForecastCategoryName", "Closed")
        .containsEntry("IsClosed", true)
        .containsEntry("IsWon", true);
    assertThat(
            ((Number) stack.salesforce.opportunities().get(northwind).get("Probability"))
                .intValue())
        .isEqualTo(100);

    var stale = stack.log.find("sf-deal-stale").orElseThrow();
    assertThat(stale.state()).isEqualTo(CommandState.FAILED);
    assertThat(stale.status().failureCode()).isEqualTo("DEAL_CHANGED");
    assertThat(stack.salesforce.opportunities().get(contoso).get("Amount"))
        .satisfies(a -> assertThat(new BigDecimal(a.toString())).isEqualByComparingTo("7500"));
    assertThat(stack.salesforce.opportunities().appliedUpdates(contoso)).isZero();

    // Read your writes: the book the skill reads has the new amount and no longer the won deal.
    List<Deal> open = cachedOpenDeals();
    assertThat(open).extracting(Deal::id).containsExactlyInAnyOrder(acme, contoso);
    Deal acmeNow = open.stream().filter(d -> d.id().equals(acme)).findFirst().orElseThrow();
    assertThat(acmeNow.amount()).isEqualByComparingTo("50000");
    // The PATCH answers no new LastModifiedDate: the cached version is unknown until the next
    // pass, so the next update of it is conditional on the values heard (docs/deals.md).
    assertThat(acmeNow.lastModifiedAt()).isNull();
    assertThat(stack.deadLetters()).isEmpty();
  }
}
