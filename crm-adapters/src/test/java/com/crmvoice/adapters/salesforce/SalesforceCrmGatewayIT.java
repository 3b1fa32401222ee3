package com.crmvoice.adapters.salesforce;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.crmvoice.core.config.SalesforceConfig;
import com.crmvoice.core.domain.CrmUser;
import com.crmvoice.core.domain.Lead;
import com.crmvoice.core.domain.LeadChange;
import com.crmvoice.core.domain.NewLead;
import com.crmvoice.core.port.CrmGateway.CreateLeadRequest;
import com.crmvoice.core.port.CrmGateway.CreateResult;
import com.crmvoice.core.port.CrmRejectedException;
import com.crmvoice.core.port.CrmUnavailableException;
import com.crmvoice.testkit.salesforce.DuplicateRule;
import com.crmvoice.testkit.salesforce.FakeSalesforce;
import com.crmvoice.testkit.salesforce.OrgSettings;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** SalesforceCrmGateway against the stateful fake, over real HTTP on loopback. */
class SalesforceCrmGatewayIT {

  private static final String OWNER = "005000000000777AAA";
  private static final String OTHER = "005000000000888AAA";

  private FakeSalesforce sf;

  @BeforeEach
  void start() {
    sf = FakeSalesforce.start();
  }

  @AfterEach
  void stop() {
    sf.close();
  }

  private SalesforceConfig jwt(String externalIdField) {
    return new SalesforceConfig(
        sf.baseUrl(),
        "62.0",
        SalesforceConfig.AuthFlow.JWT_BEARER,
        FakeSalesforce.CLIENT_ID,
        null,
        FakeSalesforce.USERNAME,
        sf.privateKeyPem(),
        externalIdField,
        List.copyOf(FakeSalesforce.CLOSED_STATUSES),
        Duration.ofSeconds(2));
  }

  /** The JWT bearer flow with the newer settings spelled out. */
  private SalesforceConfig jwt(
      String externalIdField, URI audience, String autoAssign, boolean allowSave) {
    SalesforceConfig c = jwt(externalIdField);
    return new SalesforceConfig(
        c.loginUrl(),
        c.apiVersion(),
        c.authFlow(),
        c.clientId(),
        c.clientSecret(),
        c.username(),
        c.privateKeyPem(),
        c.externalIdField(),
        c.closedStatuses(),
        c.timeout(),
        audience,
        autoAssign,
        allowSave);
  }

  private SalesforceCrmGateway gateway(SalesforceConfig config) {
    return new SalesforceCrmGateway(
        config,
        HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build(),
        Clock.systemUTC());
  }

  private String lead(String owner, String last, int daysAgo, String status) {
    return sf.insertLead(
        Map.of(
            "OwnerId",
            owner,
            "FirstName",
            "F" + last,
            "LastName",
            last,
            "Company",
            "Co " + last,
            "Status",
            status,
            "CreatedDate",
            Instant.parse("2026-01-01T00:00:00Z").minus(Duration.ofDays(daysAgo))));
  }

  private static CreateLeadRequest request(String externalId, String last) {
    return new CreateLeadRequest(
        externalId, OWNER, new NewLead("Ada", last, "Analytical", "ada@example.com", null));
  }

  @Test
  void topOpenLeadsAreTheOwnersOldestOpenOnes_withTheJwtBearerFlow() {
    lead(OWNER, "Newest", 1, "Open - Not Contacted");
    lead(OWNER, "Oldest", 30, "Working - Contacted");
    lead(OWNER, "Closed", 60, "Closed - Not Converted");
    String converted = lead(OWNER, "Converted", 90, "Open - Not Contacted");
    sf.updateLead(converted, Map.of("IsConverted", true));
    lead(OTHER, "NotMine", 100, "Open - Not Contacted");

    List<Lead> top = gateway(jwt(null)).topOpenLeads(OWNER, 5);

    assertThat(top).extracting(Lead::lastName).containsExactly("Oldest", "Newest");
    assertThat(top.get(0).ownerId()).isEqualTo(OWNER);
    assertThat(top.get(0).company()).isEqualTo("Co Oldest");
    assertThat(top.get(0).createdAt())
        .isEqualTo(Instant.parse("2026-01-01T00:00:00Z").minus(Duration.ofDays(30)));
    assertThat(sf.calls("token")).isEqualTo(1);
  }

  // The login URL is the fake's own host, as a My Domain would be; aud must still be
  // login.salesforce.com (test.salesforce.com for a sandbox):
  // https://help.salesforce.com/s/articleView?id=sf.remoteaccess_oauth_jwt_flow.htm
  @Test
  void theJwtAudienceIsTheLoginHostOfTheOrgsKind_notTheMyDomainLoginUrl() {
    lead(OWNER, "Aud", 3, "Open - Not Contacted");

    assertThat(gateway(jwt(null)).topOpenLeads(OWNER, 1)).hasSize(1);

    sf.org().sandbox(true);
    assertThatThrownBy(() -> gateway(jwt(null)).topOpenLeads(OWNER, 1))
        .isInstanceOfSatisfying(
            CrmRejectedException.class,
            e -> {
              assertThat(e.errorCode()).isEqualTo("INVALID_GRANT");
              assertThat(e.getMessage()).contains("audience is invalid");
            });
    SalesforceConfig sandbox =
        jwt(null, SalesforceConfig.SANDBOX_AUDIENCE, "FALSE", true); // SALESFORCE_JWT_AUDIENCE
    assertThat(gateway(sandbox).topOpenLeads(OWNER, 1)).hasSize(1);
  }

  @Test
  void theClientCredentialsFlowSignsInToo() {
    lead(OWNER, "Only", 3, "Open - Not Contacted");
    SalesforceConfig config =
        new SalesforceConfig(
            sf.baseUrl(),
            "62.0",
            SalesforceConfig.AuthFlow.CLIENT_CREDENTIALS,
            FakeSalesforce.CLIENT_ID,
            FakeSalesforce.CLIENT_SECRET,
            null,
            null,
            null,
            List.of("Closed - Converted"),
            Duration.ofSeconds(2));

    assertThat(gateway(config).topOpenLeads(OWNER, 1))
        .extracting(Lead::lastName)
        .containsExactly("Only");
  }

  @Test
  void aWrongSecretIsRejectedNotRetried() {
    SalesforceConfig config =
        new SalesforceConfig(
            sf.baseUrl(),
            "62.0",
            SalesforceConfig.AuthFlow.CLIENT_CREDENTIALS,
            FakeSalesforce.CLIENT_ID,
            "wrong",
            null,
            null,
            null,
            List.of(),
            Duration.ofSeconds(2));

    assertThatThrownBy(() -> gateway(config).topOpenLeads(OWNER, 1))
        .isInstanceOf(CrmRejectedException.class)
        .hasMessageContaining("invalid_client");
  }

  @Test
  void openLeadsArePagedLazilyThroughNextRecordsUrl() {
    for (int i = 0; i < 10; i++) {
      lead(i % 2 == 0 ? OWNER : OTHER, "L" + i, 10 + i, "Open - Not Contacted");
    }
    sf.defaultBatchSize(3);
    SalesforceCrmGateway gateway = gateway(jwt(null));

    try (Stream<Lead> leads = gateway.openLeads()) {
      Iterator<Lead> it = leads.iterator();
      it.next();
      it.next();
      assertThat(sf.calls("queryMore")).isZero();
      it.next();
      it.next();
      assertThat(sf.calls("queryMore")).isEqualTo(1);
      List<Lead> rest = new ArrayList<>();
      it.forEachRemaining(rest::add);
      assertThat(rest).hasSize(6);
    }
    assertThat(sf.calls("queryMore")).isEqualTo(3);
    assertThat(gateway.requestCount()).isEqualTo(4); // one query and three queryMore
    try (Stream<Lead> leads = gateway.openLeads()) {
      List<Lead> all = leads.toList();
      assertThat(all).extracting(Lead::ownerId).isSortedAccordingTo(String::compareTo);
      assertThat(all.subList(0, 5))
          .extracting(Lead::createdAt)
          .isSortedAccordingTo(Instant::compareTo);
    }
  }

  @Test
  void anExpiredSessionIsRefreshedOnceAndTheCallRetried() {
    lead(OWNER, "One", 3, "Open - Not Contacted");
    SalesforceCrmGateway gateway = gateway(jwt(null));
    gateway.topOpenLeads(OWNER, 1);

    sf.faults().expireTokens();

    assertThat(gateway.topOpenLeads(OWNER, 1)).hasSize(1);
    assertThat(sf.calls("token")).isEqualTo(2);
    assertThat(sf.calls("query")).isEqualTo(3);
  }

  @Test
  void outagesLimitsTimeoutsAndDropsAreRetryable() {
    SalesforceCrmGateway gateway = gateway(jwt(null));
    gateway.topOpenLeads(OWNER, 1);

    sf.faults().failNext(1, 503);
    assertThatThrownBy(() -> gateway.topOpenLeads(OWNER, 1))
        .isInstanceOfSatisfying(
            CrmUnavailableException.class,
            e -> assertThat(e.errorCode()).isEqualTo("SERVER_UNAVAILABLE"));
    sf.faults().requestLimit(1);
    assertThatThrownBy(() -> gateway.topOpenLeads(OWNER, 1))
        .isInstanceOfSatisfying(
            CrmUnavailableException.class,
            e -> assertThat(e.errorCode()).isEqualTo("REQUEST_LIMIT_EXCEEDED"));
    // java.net.http retries an idempotent GET once on a dropped connection by itself.
    sf.faults().dropConnections(5);
    assertThatThrownBy(() -> gateway.topOpenLeads(OWNER, 1))
        .isInstanceOfSatisfying(
            CrmUnavailableException.class,
            e -> assertThat(e.errorCode()).isEqualTo("CONNECTION_FAILED"));
    sf.faults().clear();
    sf.faults().latency(Duration.ofMillis(2500));
    assertThatThrownBy(() -> gateway.topOpenLeads(OWNER, 1))
        .isInstanceOfSatisfying(
            CrmUnavailableException.class, e -> assertThat(e.errorCode()).isEqualTo("TIMEOUT"));
    sf.faults().clear();
    assertThat(gateway.topOpenLeads(OWNER, 1)).isEmpty();
    assertThat(gateway.lastApiUsage().max()).isEqualTo(FakeSalesforce.API_LIMIT);
  }

  @Test
  void createsGoThroughCollectionsWithPerRecordResults() {
    SalesforceCrmGateway gateway = gateway(jwt(null));
    sf.faults().lockErrors(1);

    List<CreateResult> results =
        gateway.createLeads(
            List.of(
                request("c1", "Locked"),
                request("c2", "Fine"),
                new CreateLeadRequest(
                    "c3", OWNER, new NewLead(null, "X".repeat(80), "C".repeat(255), null, null)),
                new CreateLeadRequest(
                    "c4", "not-an-owner-id", new NewLead(null, "Y", "Z", null, null))));

    assertThat(results.get(0))
        .isInstanceOfSatisfying(
            CreateResult.Retryable.class,
            r -> assertThat(r.errorCode()).isEqualTo("UNABLE_TO_LOCK_ROW"));
    assertThat(results.get(1))
        .isInstanceOfSatisfying(
            CreateResult.Created.class,
            r ->
                assertThat(sf.lead(r.crmId()))
                    .containsEntry("LastName", "Fine")
                    .containsEntry("OwnerId", OWNER));
    assertThat(results.get(2)).isInstanceOf(CreateResult.Created.class);
    assertThat(results.get(3))
        .isInstanceOfSatisfying(
            CreateResult.Rejected.class,
            r -> assertThat(r.errorCode()).isEqualTo("INVALID_CROSS_REFERENCE_KEY"));
    assertThat(sf.calls("composite-create")).isEqualTo(1);
  }

  // Without Sforce-Auto-Assign: FALSE the REST API runs the active lead assignment rule:
  // https://developer.salesforce.com/docs/atlas.en-us.api_rest.meta/api_rest/headers_autoassign.htm
  @Test
  void createdAndUpsertedLeadsKeepTheirOwner_whenALeadAssignmentRuleIsActive() {
    sf.org().leadAssignmentRule(OrgSettings.LEAD_QUEUE_ID);

    CreateResult created = gateway(jwt(null)).createLeads(List.of(request("a1", "Mine"))).get(0);
    CreateResult upserted =
        gateway(jwt(FakeSalesforce.EXTERNAL_ID_FIELD))
            .createLeads(List.of(request("a2", "MineToo")))
            .get(0);
    CreateResult assigned =
        gateway(jwt(null, SalesforceConfig.PRODUCTION_AUDIENCE, "TRUE", true))
            .createLeads(List.of(request("a3", "Queued")))
            .get(0);

    assertThat(sf.lead(((CreateResult.Created) created).crmId())).containsEntry("OwnerId", OWNER);
    assertThat(sf.lead(((CreateResult.Created) upserted).crmId())).containsEntry("OwnerId", OWNER);
    assertThat(sf.lead(((CreateResult.Created) assigned).crmId()))
        .containsEntry("OwnerId", OrgSettings.LEAD_QUEUE_ID);
  }

  // An Alert-type duplicate rule lets the save through with allowSave=true; a Block-type rule
  // never:
  // https://developer.salesforce.com/docs/atlas.en-us.api_rest.meta/api_rest/headers_duplicaterules.htm
  @Test
  void anAlertDuplicateRuleLetsTheConfirmedLeadThrough_unlessAllowSaveIsTurnedOff() {
    sf.insertLead(Map.of("LastName", "Dup", "Company", "Co", "Email", "dup@example.com"));
    sf.org().duplicateRule(DuplicateRule.Action.ALERT);
    CreateLeadRequest duplicate =
        new CreateLeadRequest("d0", OWNER, new NewLead(null, "Dup", "Co", "dup@example.com", null));

    CreateResult allowed = gateway(jwt(null)).createLeads(List.of(duplicate)).get(0);
    CreateResult refused =
        gateway(jwt(null, SalesforceConfig.PRODUCTION_AUDIENCE, "FALSE", false))
            .createLeads(List.of(duplicate))
            .get(0);

    assertThat(allowed).isInstanceOf(CreateResult.Created.class);
    assertThat(refused)
        .isInstanceOfSatisfying(
            CreateResult.Rejected.class,
            r -> assertThat(r.errorCode()).isEqualTo("DUPLICATES_DETECTED"));
  }

  @Test
  void aUserWithoutApiAccessIsAPermanentFailure_notAnOutage() {
    sf.org().apiEnabled(false);
    SalesforceCrmGateway gateway = gateway(jwt(null));

    assertThatThrownBy(() -> gateway.topOpenLeads(OWNER, 1))
        .isInstanceOfSatisfying(
            CrmRejectedException.class,
            e -> assertThat(e.errorCode()).isEqualTo("API_CURRENTLY_DISABLED"));
    assertThatThrownBy(() -> gateway.createLeads(List.of(request("x1", "NoApi"))))
        .isInstanceOf(CrmRejectedException.class);
  }

  @Test
  void aBlockDuplicateRuleRefusesWhateverAllowSaveSays() {
    SalesforceCrmGateway gateway = gateway(jwt(null)); // sends allowSave=true
    sf.org().duplicateRule(DuplicateRule.Action.BLOCK);
    sf.insertLead(Map.of("LastName", "Dup", "Company", "Co", "Email", "dup@example.com"));

    List<CreateResult> results =
        gateway.createLeads(
            List.of(
                new CreateLeadRequest(
                    "d1", OWNER, new NewLead(null, "Dup", "Co", "dup@example.com", null))));

    assertThat(results.get(0))
        .isInstanceOfSatisfying(
            CreateResult.Rejected.class,
            r -> assertThat(r.errorCode()).isEqualTo("DUPLICATES_DETECTED"));
  }

  @Test
  void fourHundredFiftyCreatesTakeThreeCalls() {
    List<CreateLeadRequest> requests = new ArrayList<>();
    for (int i = 0; i < 450; i++) {
      requests.add(request("bulk-" + i, "Bulk" + i));
    }

    List<CreateResult> results = gateway(jwt(null)).createLeads(requests);

    assertThat(results).hasSize(450).allMatch(r -> r instanceof CreateResult.Created);
    assertThat(sf.calls("composite-create")).isEqualTo(3);
    assertThat(sf.leadCount()).isEqualTo(450);
  }

  @Test
  void withAnExternalIdARepeatedCreateFindsTheSameLead() {
    SalesforceCrmGateway gateway = gateway(jwt(FakeSalesforce.EXTERNAL_ID_FIELD));

    CreateResult first = gateway.createLeads(List.of(request("cmd-42", "Once"))).get(0);
    CreateResult second = gateway.createLeads(List.of(request("cmd-42", "Once"))).get(0);

    assertThat(first)
        .isInstanceOfSatisfying(CreateResult.Created.class, r -> assertThat(r.created()).isTrue());
    assertThat(second)
        .isInstanceOfSatisfying(
            CreateResult.Created.class,
            r -> {
              assertThat(r.created()).isFalse();
              assertThat(r.crmId()).isEqualTo(((CreateResult.Created) first).crmId());
            });
    assertThat(sf.leadCount()).isEqualTo(1);
    assertThat(sf.calls("composite-upsert")).isEqualTo(2);
  }

  @Test
  void commitThenDropLeavesExactlyOneLeadWhenRetriedWithTheExternalId() {
    SalesforceCrmGateway gateway = gateway(jwt(FakeSalesforce.EXTERNAL_ID_FIELD));
    gateway.topOpenLeads(OWNER, 1);
    sf.faults().commitThenDrop(1);

    assertThatThrownBy(() -> gateway.createLeads(List.of(request("cmd-drop", "Dropped"))))
        .isInstanceOf(CrmUnavailableException.class);
    assertThat(sf.leadCount()).isEqualTo(1);

    CreateResult retry = gateway.createLeads(List.of(request("cmd-drop", "Dropped"))).get(0);

    assertThat(retry)
        .isInstanceOfSatisfying(CreateResult.Created.class, r -> assertThat(r.created()).isFalse());
    assertThat(sf.leadCount()).isEqualTo(1);
  }

  @Test
  void anUnknownExternalIdFieldIsAPermanentFailure() {
    assertThatThrownBy(() -> gateway(jwt("Nope__c")).createLeads(List.of(request("x", "Y"))))
        .isInstanceOf(CrmRejectedException.class);
  }

  @Test
  void modifiedLeadsComeWithTheirOpenFlagInModstampOrder() throws Exception {
    String a = lead(OWNER, "A", 5, "Open - Not Contacted");
    String b = lead(OWNER, "B", 6, "Open - Not Contacted");
    Instant since = Instant.parse(sf.lead(b).get("SystemModstamp").toString()).plusSeconds(1);
    Thread.sleep(1100);
    sf.updateLead(b, Map.of("Status", "Closed - Not Converted"));
    sf.updateLead(a, Map.of("OwnerId", OTHER));

    List<LeadChange> changes;
    try (Stream<LeadChange> stream = gateway(jwt(null)).leadsModifiedSince(since)) {
      changes = stream.toList();
    }

    assertThat(changes).extracting(c -> c.lead().id()).containsExactly(b, a);
    assertThat(changes.get(0).open()).isFalse();
    assertThat(changes.get(1).open()).isTrue();
    assertThat(changes.get(1).lead().ownerId()).isEqualTo(OTHER);
  }

  @Test
  void leadsDeletedOrMergedAwayComeBackAsDeletions() throws Exception {
    String master = lead(OWNER, "Master", 5, "Open - Not Contacted");
    String loser = lead(OWNER, "Loser", 6, "Open - Not Contacted");
    String gone = lead(OTHER, "Gone", 7, "Open - Not Contacted");
    Instant since = Instant.parse(sf.lead(gone).get("SystemModstamp").toString()).plusSeconds(1);
    Thread.sleep(1100);
    sf.deleteLead(gone);
    sf.mergeLeads(master, loser);

    List<LeadChange> changes;
    try (Stream<LeadChange> stream = gateway(jwt(null)).leadsModifiedSince(since)) {
      changes = stream.toList();
    }

    assertThat(changes).extracting(c -> c.lead().id()).containsExactly(gone, master, loser);
    assertThat(changes).extracting(LeadChange::deleted).containsExactly(true, false, true);
    assertThat(changes).extracting(LeadChange::open).containsExactly(false, true, false);
    assertThat(changes.get(0).lead().ownerId()).isEqualTo(OTHER);
    assertThat(sf.calls("queryAll")).isEqualTo(1);
  }

  @Test
  void aUserTokenNamesItsUserAndABadOneIsRejected() {
    String token = sf.issueUserToken(OWNER);
    SalesforceCrmGateway gateway = gateway(jwt(null));

    CrmUser user = gateway.userForAccessToken(token);

    assertThat(user.userId()).isEqualTo(OWNER);
    assertThatThrownBy(() -> gateway.userForAccessToken("forged"))
        .isInstanceOf(CrmRejectedException.class);
  }

  @Test
  void hostileValuesFindNothingAndNeverBreakTheQuery() {
    lead(OWNER, "Victim", 3, "Open - Not Contacted");
    SalesforceCrmGateway gateway = gateway(jwt(null));

    for (String hostile : InjectionCorpus.VALUES) {
      if (hostile.length() > 255) {
        continue;
      }
      assertThat(gateway.topOpenLeads(hostile, 5)).as("owner %s", hostile).isEmpty();
    }
    assertThat(gateway.topOpenLeads(OWNER, 5)).hasSize(1);
  }
}
