package com.crmvoice.refresher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.crmvoice.core.port.CrmUnavailableException;
import com.crmvoice.testkit.aws.AwsTestEnvironment;
import com.crmvoice.testkit.aws.EmbeddedAws;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The refresher end to end: the handler as the schedule and the refresh queue invoke it, against
 * the fake Salesforce and DynamoDB Local.
 */
class CacheRefresherIT {

  /** The AWS these tests run against; a LocalStack subclass returns LocalStack. */
  protected AwsTestEnvironment aws() {
    return EmbeddedAws.shared();
  }

  private RefresherStack stack(Map<String, String> overrides) {
    return new RefresherStack(aws(), overrides);
  }

  private static final int OWNERS = 12;
  private static final int LEADS_PER_OWNER = 8;

  private static String owner(int n) {
    return String.format("005%012dAAA", n);
  }

  private static void assertCacheMatchesCrm(RefresherStack stack) {
    for (String owner : stack.crmOwners()) {
      assertThat(stack.cachedIds(owner)).as(owner).isEqualTo(stack.expectedIds(owner));
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Test
  void theFirstFullPassFillsTheCache_andASecondOverAnUnchangedOrgWritesNothing() {
    try (RefresherStack stack = stack(Map.of())) {
      stack.salesforce.seed(OWNERS, LEADS_PER_OWNER, 7);

      JsonNode first = stack.pass("full");

      assertCacheMatchesCrm(stack);
      assertThat(first.get("ownersSeen").asInt()).isEqualTo(OWNERS);
      assertThat(first.get("leadsRead").asInt()).isEqualTo(OWNERS * LEADS_PER_OWNER);
      assertThat(first.get("itemsWritten").asInt()).isEqualTo(OWNERS * (RefresherStack.TOP_N + 1));
      assertThat(first.get("crmCalls").asInt()).isEqualTo(1);

      stack.salesforce.resetCalls();
      JsonNode second = stack.pass("full");

      assertThat(second.get("itemsWritten").asInt()).isZero();
      assertThat(second.get("itemsDeleted").asInt()).isZero();
      assertThat(second.get("ownersChanged").asInt()).isZero();
      assertThat(stack.salesforce.calls("query")).isEqualTo(1);
      assertCacheMatchesCrm(stack);
    }
  }

  @Test
  void aFullPassPagesThroughNextRecordsUrl_andCountsEveryPage() {
    try (RefresherStack stack = stack(Map.of())) {
      stack.salesforce.seed(OWNERS, LEADS_PER_OWNER, 8);
      stack.salesforce.defaultBatchSize(25);

      JsonNode report = stack.pass("full");

      int pages = (OWNERS * LEADS_PER_OWNER + 24) / 25;
      assertThat(report.get("crmCalls").asInt()).isEqualTo(pages);
      assertThat(stack.salesforce.calls("queryMore")).isEqualTo(pages - 1);
      assertCacheMatchesCrm(stack);
    }
  }

  @Test
  void theIncrementalPassReflectsCloseConvertReassignAndCreate_touchingOnlyAffectedOwners() {
    try (RefresherStack stack = stack(Map.of())) {
      stack.salesforce.seed(OWNERS, LEADS_PER_OWNER, 9);
      JsonNode bootstrap = stack.pass("incremental"); // no watermark yet: a full pass
      assertThat(bootstrap.get("ownersSeen").asInt()).isEqualTo(OWNERS);
      assertThat(stack.watermarks.load()).isPresent();
      sleep(5); // the fake stamps changes with the wall clock

      String closed = stack.expectedIds(owner(1)).get(0);
      String converted = stack.expectedIds(owner(2)).get(0);
      String reassigned = stack.expectedIds(owner(3)).get(1);
      stack.salesforce.updateLead(closed, Map.of("Status", "Closed - Not Converted"));
      stack.salesforce.updateLead(converted, Map.of("IsConverted", true));
      stack.salesforce.updateLead(reassigned, Map.of("OwnerId", owner(4)));
      String created =
          stack.salesforce.insertLead(
              Map.of(
                  "OwnerId",
                  owner(5),
                  "LastName",
                  "Newcomer",
                  "Company",
                  "Initech",
                  "CreatedDate",
                  Instant.parse("2020-01-01T00:00:00Z")));
      String newOwnersLead =
          stack.salesforce.insertLead(
              Map.of("OwnerId", owner(99), "LastName", "First", "Company", "Hooli"));
      Instant before = Instant.now();
      stack.salesforce.resetCalls();

      JsonNode report = stack.pass("incremental");

      assertThat(stack.ownersWrittenSince(before))
          .containsExactlyInAnyOrder(owner(1), owner(2), owner(3), owner(4), owner(5), owner(99));
      assertCacheMatchesCrm(stack);
      assertThat(stack.cachedIds(owner(1))).doesNotContain(closed);
      assertThat(stack.cachedIds(owner(2))).doesNotContain(converted);
      assertThat(stack.cachedIds(owner(3))).doesNotContain(reassigned);
      assertThat(stack.cachedIds(owner(5))).startsWith(created);
      assertThat(stack.cachedIds(owner(99))).containsExactly(newOwnersLead);
      // one queryAll for the changes, one query for the six affected owners' top leads
      assertThat(stack.salesforce.calls("queryAll")).isEqualTo(1);
      assertThat(stack.salesforce.calls("query")).isEqualTo(1);
      assertThat(report.get("crmCalls").asInt()).isEqualTo(2);
      assertThat(report.get("ownersSeen").asInt()).isEqualTo(6);
      assertThat(stack.watermarks.load().orElseThrow()).isAfter(before.minusSeconds(1));

      stack.salesforce.resetCalls();
      JsonNode quiet = stack.pass("incremental");
      // The overlap reads the same changes again; they are already reflected: no owner query.
      assertThat(quiet.get("itemsWritten").asInt()).isZero();
      assertThat(stack.salesforce.calls("queryAll")).isEqualTo(1);
      assertThat(stack.salesforce.calls("query")).isZero();
    }
  }

  @Test
  void leadsDeletedOrMergedInSalesforceLeaveTheCacheOnTheNextIncrementalPass() {
    try (RefresherStack stack = stack(Map.of())) {
      stack.salesforce.seed(OWNERS, LEADS_PER_OWNER, 11);
      stack.pass("incremental"); // no watermark yet: a full pass
      sleep(5); // the fake stamps changes with the wall clock
      String deleted = stack.expectedIds(owner(1)).get(0);
      String master = stack.expectedIds(owner(2)).get(0);
      String mergedAway = stack.expectedIds(owner(2)).get(1);
      stack.salesforce.deleteLead(deleted);
      stack.salesforce.mergeLeads(master, mergedAway);
      Instant before = Instant.now();
      stack.salesforce.resetCalls();

      JsonNode report = stack.pass("incremental");

      assertThat(stack.cachedIds(owner(1))).doesNotContain(deleted);
      assertThat(stack.cachedIds(owner(2))).contains(master).doesNotContain(mergedAway);
      assertCacheMatchesCrm(stack);
      assertThat(stack.ownersWrittenSince(before)).containsExactlyInAnyOrder(owner(1), owner(2));
      // The changes' queryAll, then one query for both owners' top leads.
      assertThat(stack.salesforce.calls("queryAll")).isEqualTo(1);
      assertThat(report.get("crmCalls").asInt()).isEqualTo(2);
    }
  }

  @Test
  void aFullPassThatFailsMidStreamLeavesNoOwnerHalfWritten_andTheNextPassRepairsIt() {
    try (RefresherStack stack = stack(Map.of())) {
      stack.salesforce.seed(OWNERS, LEADS_PER_OWNER, 10);
      stack.salesforce.defaultBatchSize(20); // 96 leads: 5 pages
      stack.pass("full");
      String firstOwnersLead = stack.expectedIds(owner(1)).get(0);
      String lastOwnersLead = stack.expectedIds(owner(OWNERS)).get(0);
      List<String> lastOwnerBefore = stack.cachedIds(owner(OWNERS));
      stack.salesforce.updateLead(firstOwnersLead, Map.of("Status", "Closed - Converted"));
      stack.salesforce.updateLead(lastOwnersLead, Map.of("Status", "Closed - Converted"));
      stack.salesforce.faults().failAfter(2, 1, 503); // the query and one page, then a 503

      assertThatThrownBy(() -> stack.pass("full")).isInstanceOf(CrmUnavailableException.class);

      assertThat(stack.cachedIds(owner(1))).isEqualTo(stack.expectedIds(owner(1)));
      assertThat(stack.cachedIds(owner(OWNERS))).isEqualTo(lastOwnerBefore);
      for (int o = 1; o <= OWNERS; o++) {
        assertThat(stack.cachedIds(owner(o))).as("every owner stays whole").hasSize(5);
      }

      JsonNode repair = stack.pass("full");

      assertCacheMatchesCrm(stack);
      assertThat(repair.get("ownersChanged").asInt()).isEqualTo(1);
    }
  }

  @Test
  void anIncrementalPassThatFailsKeepsTheWatermark_andTheNextAppliesEverything() {
    // Concurrency 1 as elsewhere; the one batched top-leads query meets the injected 503.
    try (RefresherStack stack = stack(Map.of("REFRESH_CONCURRENCY", "1"))) {
      stack.salesforce.seed(OWNERS, LEADS_PER_OWNER, 11);
      stack.pass("incremental");
      Instant watermark = stack.watermarks.load().orElseThrow();
      sleep(5);
      stack.salesforce.updateLead(
          stack.expectedIds(owner(1)).get(0), Map.of("Status", "Closed - Not Converted"));
      stack.salesforce.updateLead(
          stack.expectedIds(owner(2)).get(0), Map.of("Status", "Closed - Not Converted"));
      // The changes are read, then the one query for both owners' top leads fails.
      stack.salesforce.faults().failAfter(1, 1, 503);

      assertThatThrownBy(() -> stack.pass("incremental"))
          .isInstanceOf(CrmUnavailableException.class);

      assertThat(stack.watermarks.load()).contains(watermark);
      assertThat(stack.cachedIds(owner(1))).isNotEqualTo(stack.expectedIds(owner(1)));
      assertThat(stack.cachedIds(owner(2))).isNotEqualTo(stack.expectedIds(owner(2)));

      stack.pass("incremental");

      assertCacheMatchesCrm(stack);
      assertThat(stack.watermarks.load().orElseThrow()).isAfter(watermark);
    }
  }

  @Test
  void
      refreshMessagesRefreshTheirOwners_aCrmOutageFailsOnlyItsMessage_andMalformedOnesAreDropped() {
    try (RefresherStack stack = stack(Map.of())) {
      stack.salesforce.seed(3, 4, 12);
      stack.refreshQueue.requestRefresh(owner(1));
      stack.refreshQueue.requestRefresh(owner(2));
      stack
          .clients
          .sqs()
          .sendMessage(r -> r.queueUrl(stack.queue.queueUrl()).messageBody("{\"ownerId\":42}"));
      stack.salesforce.faults().failNext(1, 503); // Salesforce is down for the first owner

      int handled = 0;
      long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
      while (handled < 3 && System.nanoTime() < deadline) {
        handled += stack.eventSource.pollOnce();
      }

      assertThat(handled).isEqualTo(3);
      List<String> failures =
          stack.batchResponses.stream()
              .flatMap(r -> r.getBatchItemFailures().stream())
              .map(SQSBatchResponse.BatchItemFailure::getItemIdentifier)
              .toList();
      assertThat(failures).hasSize(1);
      long refreshed =
          Set.of(owner(1), owner(2)).stream().filter(o -> stack.cachedIds(o) != null).count();
      assertThat(refreshed).isEqualTo(1);

      // The failed message comes back after its visibility timeout and succeeds.
      deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
      while (stack.queueDepth(stack.queue.queueUrl()) > 0 && System.nanoTime() < deadline) {
        if (stack.eventSource.pollOnce() == 0) {
          sleep(200);
        }
      }

      assertThat(stack.cachedIds(owner(1))).isEqualTo(stack.expectedIds(owner(1)));
      assertThat(stack.cachedIds(owner(2))).isEqualTo(stack.expectedIds(owner(2)));
      assertThat(stack.cachedIds(owner(3))).isNull();
      assertThat(stack.queueDepth(stack.queue.queueUrl())).isZero();
      assertThat(stack.queueDepth(stack.queue.dlqUrl())).isZero();
    }
  }
}
