package com.crmvoice.adapters.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.crmvoice.core.domain.CrmUser;
import com.crmvoice.core.domain.Lead;
import com.crmvoice.core.domain.LeadChange;
import com.crmvoice.core.domain.NewLead;
import com.crmvoice.core.port.CrmGateway;
import com.crmvoice.core.port.CrmGateway.CreateLeadRequest;
import com.crmvoice.core.port.CrmGateway.CreateResult;
import com.crmvoice.core.port.CrmGateway.CreateTaskRequest;
import com.crmvoice.core.port.CrmGateway.PicklistValue;
import com.crmvoice.core.port.CrmGateway.StatusUpdateRequest;
import com.crmvoice.core.port.CrmGateway.UpdateResult;
import com.crmvoice.core.port.CrmRejectedException;
import com.crmvoice.core.port.CrmUnavailableException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The CRM port's contract, one suite for every adapter: each subclass runs it against its CRM's
 * fake (same inputs, same domain results; failures in the same classes; hostile text stored and
 * found verbatim). A port operation added later gets its case here, so every adapter must pass it.
 */
abstract class CrmPortContract {

  /** Text a spoken slot could carry, every one a valid lead value (no control characters). */
  static final List<String> HOSTILE =
      List.of(
          "O'Brien",
          "' OR Name != '",
          "x' or lastname ne 'x",
          "\\' OR Id != null OR Id = \\'",
          "x\\",
          "\" OR \"1\"=\"1",
          "‘ OR ’1’=’1",
          "') or (leadid ne null",
          "x'; DELETE FROM Lead",
          "%27 or 1 eq 1",
          "a&$filter=x",
          "50%_off #1 /?",
          "😀 émoji ünïcödé",
          "''''''");

  static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

  CrmFixture crm;
  CrmGateway gateway;

  abstract CrmFixture fixture();

  @BeforeEach
  void start() {
    crm = fixture();
    gateway = crm.gateway();
  }

  @AfterEach
  void stop() {
    crm.close();
  }

  private static Instant daysAgo(int days) {
    return T0.minus(Duration.ofDays(days));
  }

  private static CreateLeadRequest create(String commandId, String owner, String last) {
    return new CreateLeadRequest(
        commandId, owner, new NewLead("Ada", last, "Analytical", "ada@example.com", "+1 555 0100"));
  }

  // ---- reads ----

  @Test
  void theTopLeadsAreTheOwnersOpenOnesOldestFirst() {
    String owner = crm.newOwner();
    String other = crm.newOwner();
    String newest = crm.openLead(owner, "N", "Newest", "Co", daysAgo(1));
    String oldest = crm.openLead(owner, "O", "Oldest", "Co", daysAgo(30));
    String middle = crm.openLead(owner, "M", "Middle", "Co", daysAgo(10));
    crm.closeLead(crm.openLead(owner, "C", "Closed", "Co", daysAgo(60)));
    crm.convertLead(crm.openLead(owner, "V", "Converted", "Co", daysAgo(90)));
    crm.openLead(other, "X", "NotMine", "Co", daysAgo(100));

    List<Lead> top = gateway.topOpenLeads(owner, 2);

    assertThat(top).extracting(Lead::id).containsExactly(oldest, middle);
    assertThat(top.get(0).ownerId()).isEqualToIgnoringCase(owner);
    assertThat(top.get(0).lastName()).isEqualTo("Oldest");
    assertThat(top.get(0).company()).isEqualTo("Co");
    assertThat(top.get(0).status()).isEqualTo(crm.openStatuses().get(0));
    assertThat(top.get(0).createdAt()).isEqualTo(daysAgo(30));
    assertThat(top.get(0).lastModifiedAt()).isNotNull();
    assertThat(gateway.topOpenLeads(owner, 10))
        .extracting(Lead::id)
        .containsExactly(oldest, middle, newest);
  }

  @Test
  void topLeadsOfSeveralOwnersAnswerEveryOwnerInFewCalls() {
    String a = crm.newOwner();
    String b = crm.newOwner();
    String none = crm.newOwner();
    String a1 = crm.openLead(a, "A", "One", "Co", daysAgo(3));
    String a2 = crm.openLead(a, "A", "Two", "Co", daysAgo(2));
    crm.openLead(a, "A", "Three", "Co", daysAgo(1));
    String b1 = crm.openLead(b, "B", "One", "Co", daysAgo(5));
    int before = crm.apiCalls();

    Map<String, List<Lead>> top = gateway.topOpenLeadsOf(List.of(a, b, none), 2);

    assertThat(top.keySet()).containsExactly(a, b, none);
    assertThat(top.get(a)).extracting(Lead::id).containsExactly(a1, a2);
    assertThat(top.get(b)).extracting(Lead::id).containsExactly(b1);
    assertThat(top.get(none)).isEmpty();
    assertThat(crm.apiCalls() - before).isEqualTo(1);
  }

  @Test
  void openLeadsStreamEveryOpenLeadOnceGroupedByOwnerAcrossPages() {
    List<String> owners = List.of(crm.newOwner(), crm.newOwner(), crm.newOwner());
    List<String> open = new ArrayList<>();
    // More than a page on both: Salesforce's query batch is 2,000 records, Dataverse's page 5,000.
    for (int i = 0; i < 5100; i++) {
      open.add(crm.openLead(owners.get(i % 3), "F", "L" + i, "Co", daysAgo(1 + i % 400)));
    }
    crm.closeLead(open.remove(0));
    int before = crm.apiCalls();

    List<Lead> streamed;
    try (Stream<Lead> leads = gateway.openLeads()) {
      streamed = leads.toList();
    }

    assertThat(streamed).extracting(Lead::id).containsExactlyInAnyOrderElementsOf(open);
    List<String> runs = new ArrayList<>();
    for (Lead lead : streamed) {
      if (runs.isEmpty() || !runs.get(runs.size() - 1).equals(lead.ownerId())) {
        runs.add(lead.ownerId());
      }
    }
    assertThat(runs).hasSize(3);
    assertThat(crm.apiCalls() - before).isGreaterThan(1);
  }

  @Test
  void changesSinceAnInstantIncludeNewAndClosedLeads() {
    String owner = crm.newOwner();
    Instant start = Instant.now().minusSeconds(2).truncatedTo(ChronoUnit.SECONDS);
    String kept = crm.openLead(owner, "K", "Kept", "Co", daysAgo(3));
    String closed = crm.openLead(owner, "C", "Closed", "Co", daysAgo(4));
    crm.closeLead(closed);

    Map<String, LeadChange> changes = new LinkedHashMap<>();
    try (Stream<LeadChange> stream = gateway.leadsModifiedSince(start)) {
      stream.forEach(c -> changes.put(c.lead().id(), c));
    }

    assertThat(changes.get(kept).open()).isTrue();
    assertThat(changes.get(closed).open()).isFalse();
    assertThat(changes.get(kept).modifiedAt()).isAfterOrEqualTo(start);
    try (Stream<LeadChange> later = gateway.leadsModifiedSince(Instant.now().plusSeconds(60))) {
      assertThat(later).isEmpty();
    }
  }

  // ---- creates ----

  @Test
  void aCreateIsIdempotentOnItsCommandId() {
    String owner = crm.newOwner();
    List<CreateLeadRequest> requests =
        List.of(create("cmd-1", owner, "First"), create("cmd-2", owner, "Second"));

    List<CreateResult> first = gateway.createLeads(requests);
    List<CreateResult> again = gateway.createLeads(requests);

    assertThat(first).allSatisfy(r -> assertThat(r).isInstanceOf(CreateResult.Created.class));
    assertThat(first).extracting(r -> ((CreateResult.Created) r).created()).containsOnly(true);
    assertThat(again).extracting(r -> ((CreateResult.Created) r).created()).containsOnly(false);
    assertThat(again)
        .extracting(r -> ((CreateResult.Created) r).crmId())
        .containsExactlyElementsOf(
            first.stream().map(r -> ((CreateResult.Created) r).crmId()).toList());
    assertThat(crm.leadCount()).isEqualTo(2);
    String id = ((CreateResult.Created) first.get(0)).crmId();
    assertThat(gateway.findLeadByExternalId("cmd-1")).contains(id);
    assertThat(gateway.findLeadByExternalId("cmd-unknown")).isEmpty();
    List<Lead> top = gateway.topOpenLeads(owner, 5);
    assertThat(top).extracting(Lead::lastName).containsExactlyInAnyOrder("First", "Second");
    assertThat(top.get(0).email()).isEqualTo("ada@example.com");
    assertThat(top.get(0).phone()).isEqualTo("+1 555 0100");
    assertThat(top.get(0).status()).isEqualTo(crm.openStatuses().get(0));
  }

  @Test
  void hostileTextIsStoredAndFoundVerbatim() {
    String owner = crm.newOwner();
    List<CreateLeadRequest> requests = new ArrayList<>();
    for (int i = 0; i < HOSTILE.size(); i++) {
      String value = HOSTILE.get(i);
      requests.add(
          new CreateLeadRequest(
              "cmd-" + value, owner, new NewLead(value, value, value, null, null)));
    }

    List<CreateResult> results = gateway.createLeads(requests);

    assertThat(results).allSatisfy(r -> assertThat(r).isInstanceOf(CreateResult.Created.class));
    assertThat(crm.leadCount()).isEqualTo(HOSTILE.size());
    for (int i = 0; i < HOSTILE.size(); i++) {
      assertThat(gateway.findLeadByExternalId("cmd-" + HOSTILE.get(i)))
          .as(HOSTILE.get(i))
          .contains(((CreateResult.Created) results.get(i)).crmId());
    }
    assertThat(gateway.topOpenLeads(owner, 100))
        .extracting(Lead::lastName)
        .containsExactlyInAnyOrderElementsOf(HOSTILE);
    assertThat(gateway.createLeads(requests))
        .extracting(r -> ((CreateResult.Created) r).created())
        .containsOnly(false);
    assertThat(crm.leadCount()).isEqualTo(HOSTILE.size());
  }

  @Test
  void aMalformedOwnerIsRefusedForThatRecordOnly() {
    String owner = crm.newOwner();
    List<CreateResult> results =
        gateway.createLeads(
            List.of(create("cmd-ok", owner, "Fine"), create("cmd-bad", "' or 1 eq 1", "Bad")));

    assertThat(results.get(0)).isInstanceOf(CreateResult.Created.class);
    assertThat(results.get(1)).isInstanceOf(CreateResult.Rejected.class);
    assertThat(crm.leadCount()).isEqualTo(1);
  }

  // ---- status updates ----

  @Test
  void statusUpdatesApplyOnlyToTheVersionTheUserHeard() {
    String owner = crm.newOwner();
    String fresh = crm.openLead(owner, "F", "Fresh", "Co", daysAgo(1));
    String changed = crm.openLead(owner, "C", "Changed", "Co", daysAgo(2));
    String closed = crm.openLead(owner, "X", "Closed", "Co", daysAgo(3));
    String converted = crm.openLead(owner, "V", "Converted", "Co", daysAgo(4));
    Map<String, Lead> heard = new LinkedHashMap<>();
    gateway.topOpenLeads(owner, 10).forEach(l -> heard.put(l.id(), l));
    crm.touchLead(changed);
    crm.convertLead(converted);
    String from = crm.openStatuses().get(0);
    String to = crm.openStatuses().get(1);

    List<UpdateResult> results =
        gateway.updateLeadStatuses(
            List.of(
                new StatusUpdateRequest(fresh, from, to, heard.get(fresh).lastModifiedAt()),
                new StatusUpdateRequest(changed, from, to, heard.get(changed).lastModifiedAt()),
                new StatusUpdateRequest(converted, from, to, null),
                new StatusUpdateRequest(crm.unknownLeadId(), from, to, null)));

    assertThat(results.get(0)).isInstanceOf(UpdateResult.Updated.class);
    assertThat(((UpdateResult.Updated) results.get(0)).changed()).isTrue();
    assertThat(crm.statusOf(fresh)).isEqualTo(to);
    assertThat(results.get(1)).isEqualTo(rejected(results.get(1), CrmGateway.LEAD_CHANGED));
    assertThat(crm.statusOf(changed)).isEqualTo(from);
    assertThat(results.get(2)).isEqualTo(rejected(results.get(2), CrmGateway.LEAD_NOT_OPEN));
    assertThat(results.get(3)).isEqualTo(rejected(results.get(3), CrmGateway.LEAD_NOT_FOUND));
    assertThat(closed).isNotNull();

    List<UpdateResult> redelivered =
        gateway.updateLeadStatuses(
            List.of(new StatusUpdateRequest(fresh, from, to, heard.get(fresh).lastModifiedAt())));
    assertThat(redelivered.get(0)).isInstanceOf(UpdateResult.Updated.class);
    assertThat(((UpdateResult.Updated) redelivered.get(0)).changed()).isFalse();
  }

  private static UpdateResult rejected(UpdateResult actual, String code) {
    assertThat(actual).isInstanceOf(UpdateResult.Rejected.class);
    assertThat(((UpdateResult.Rejected) actual).errorCode()).isEqualTo(code);
    return actual;
  }

  @Test
  void notInterestedClosesTheLead_itLeavesTheOpenLeads_andIsOfferedAmongTheStatuses() {
    String owner = crm.newOwner();
    String lead = crm.openLead(owner, "N", "Notinterested", "Co", daysAgo(1));
    String kept = crm.openLead(owner, "K", "Kept", "Co", daysAgo(2));
    Lead heard =
        gateway.topOpenLeads(owner, 10).stream()
            .filter(l -> l.id().equals(lead))
            .findFirst()
            .orElseThrow();
    String closing = crm.notInterestedStatus();
    assertThat(gateway.leadStatuses()).extracting(PicklistValue::value).contains(closing);

    List<UpdateResult> results =
        gateway.updateLeadStatuses(
            List.of(
                new StatusUpdateRequest(lead, heard.status(), closing, heard.lastModifiedAt())));

    assertThat(results.get(0)).isInstanceOf(UpdateResult.Updated.class);
    assertThat(((UpdateResult.Updated) results.get(0)).changed()).isTrue();
    assertThat(crm.statusOf(lead)).isEqualTo(closing);
    assertThat(gateway.topOpenLeads(owner, 10)).extracting(Lead::id).containsExactly(kept);
    // Redelivered: already closed so, done without a write.
    List<UpdateResult> again =
        gateway.updateLeadStatuses(
            List.of(
                new StatusUpdateRequest(lead, heard.status(), closing, heard.lastModifiedAt())));
    assertThat(again.get(0)).isInstanceOf(UpdateResult.Updated.class);
    assertThat(((UpdateResult.Updated) again.get(0)).changed()).isFalse();

    // "Undo that": set back to the status heard before, the lead is open again.
    List<UpdateResult> undone =
        gateway.updateLeadStatuses(
            List.of(new StatusUpdateRequest(lead, closing, heard.status(), null)));
    assertThat(undone.get(0)).isInstanceOf(UpdateResult.Updated.class);
    assertThat(((UpdateResult.Updated) undone.get(0)).changed()).isTrue();
    assertThat(crm.statusOf(lead)).isEqualTo(heard.status());
    assertThat(gateway.topOpenLeads(owner, 10))
        .extracting(Lead::id)
        .containsExactlyInAnyOrder(lead, kept);
  }

  @Test
  void theStatusesOfferTheOpenOnesDefaultFirst() {
    List<PicklistValue> statuses = gateway.leadStatuses();

    assertThat(statuses).extracting(PicklistValue::value).containsSubsequence(crm.openStatuses());
    assertThat(statuses.get(0).defaultValue()).isTrue();
    assertThat(statuses.get(0).value()).isEqualTo(crm.openStatuses().get(0));
  }

  // ---- activities ----

  @Test
  void callsAndFollowUpsAreLoggedOnceOnTheLead() {
    String owner = crm.newOwner();
    String lead = crm.openLead(owner, "A", "Lead", "Co", daysAgo(1));
    List<CreateTaskRequest> requests =
        List.of(
            new CreateTaskRequest(
                "cmd-call",
                owner,
                lead,
                "Call with A Lead",
                "She wants a demo",
                LocalDate.parse("2026-01-05"),
                true),
            new CreateTaskRequest(
                "cmd-task",
                owner,
                lead,
                "Follow up with A Lead",
                null,
                LocalDate.parse("2026-01-09"),
                false));

    List<CreateResult> first = gateway.createTasks(requests);
    List<CreateResult> again = gateway.createTasks(requests);

    assertThat(first)
        .extracting(r -> ((CreateResult.Created) r).created())
        .containsExactly(true, true);
    assertThat(again)
        .extracting(r -> ((CreateResult.Created) r).created())
        .containsExactly(false, false);
    assertThat(crm.activitiesOn(lead))
        .containsExactlyInAnyOrder(
            "Call with A Lead call=true", "Follow up with A Lead call=false");
  }

  @Test
  void anActivityOnALeadTheCrmDoesNotHoldIsRejected() {
    String owner = crm.newOwner();
    List<CreateResult> results =
        gateway.createTasks(
            List.of(
                new CreateTaskRequest(
                    "cmd-x",
                    owner,
                    crm.unknownLeadId(),
                    "Call",
                    "notes",
                    LocalDate.parse("2026-01-05"),
                    true)));

    assertThat(results.get(0)).isInstanceOf(CreateResult.Rejected.class);
  }

  // ---- identity ----

  @Test
  void aDelegatedTokenNamesItsUserAndAForgedOneIsRefused() {
    String owner = crm.newOwner();
    CrmUser user = gateway.userForAccessToken(crm.userToken(owner));

    assertThat(user.userId()).isEqualToIgnoringCase(owner);
    assertThatThrownBy(() -> gateway.userForAccessToken("forged"))
        .isInstanceOf(CrmRejectedException.class);
  }

  // ---- failures ----

  @Test
  void anOutageIsRetryableAndAnExpiredTokenIsReplacedOnce() {
    String owner = crm.newOwner();
    crm.openLead(owner, "A", "Lead", "Co", daysAgo(1));
    assertThat(gateway.topOpenLeads(owner, 1)).hasSize(1);

    crm.expireTokens();
    assertThat(gateway.topOpenLeads(owner, 1)).hasSize(1);

    crm.failNext(1, 503);
    assertThatThrownBy(() -> gateway.topOpenLeads(owner, 1))
        .isInstanceOf(CrmUnavailableException.class);
    crm.failNext(1, 500);
    assertThatThrownBy(() -> gateway.createLeads(List.of(create("cmd-503", owner, "X"))))
        .isInstanceOf(CrmUnavailableException.class);
    assertThat(gateway.topOpenLeads(owner, 5)).hasSize(1);
  }

  @Test
  void aLimitIsRetryable() {
    String owner = crm.newOwner();
    crm.limitNext(1);
    assertThatThrownBy(() -> gateway.topOpenLeads(owner, 1))
        .isInstanceOf(CrmUnavailableException.class);
    assertThat(gateway.topOpenLeads(owner, 1)).isEmpty();
  }

  @Test
  void aDroppedConnectionLeavesTheOutcomeUnknown() {
    String owner = crm.newOwner();
    crm.dropConnections(1);
    assertThatThrownBy(() -> gateway.createLeads(List.of(create("cmd-drop", owner, "X"))))
        .isInstanceOfSatisfying(
            CrmUnavailableException.class, e -> assertThat(e.outcomeUnknown()).isTrue());
  }

  @Test
  void wrongCredentialsArePermanent() {
    CrmGateway wrong = crm.gatewayWithWrongSecret();
    assertThatThrownBy(() -> wrong.topOpenLeads(crm.newOwner(), 1))
        .isInstanceOf(CrmRejectedException.class);
  }
}
