package com.crmvoice.adapters.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;

import com.crmvoice.adapters.aws.LocalAws;
import com.crmvoice.adapters.aws.ResourceDefinitions;
import com.crmvoice.core.config.CacheConfig;
import com.crmvoice.core.domain.Agenda;
import com.crmvoice.core.domain.CalendarEvent;
import com.crmvoice.core.domain.Lead;
import com.crmvoice.core.domain.LeadArrival;
import com.crmvoice.core.domain.LeadDigest;
import com.crmvoice.core.domain.OpenTask;
import com.crmvoice.core.fakes.MutableClock;
import com.crmvoice.core.port.AgendaCache.Snapshot;
import com.crmvoice.core.port.LeadCache;
import com.crmvoice.testkit.aws.EmbeddedAws;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** The agenda cache in the leads table, beside a lead cache that must never see it. */
class DynamoDbAgendaCacheIT {

  private static final Instant T0 = Instant.parse("2026-03-10T08:00:00.123Z");
  private static final String OWNER = "005000000000001AAA";

  private final DynamoDbClient dynamoDb = LocalAws.clients(EmbeddedAws.shared()).dynamoDb();
  private final MutableClock clock = new MutableClock(T0);
  private String table;
  private DynamoDbAgendaCache cache;

  @BeforeEach
  void createTable() {
    table = EmbeddedAws.uniqueName("leads");
    ResourceDefinitions.createLeadsTable(dynamoDb, table);
    cache = new DynamoDbAgendaCache(dynamoDb, table, Duration.ofHours(72), clock);
  }

  static Agenda agenda() {
    return new Agenda(
        OWNER,
        List.of(
            new CalendarEvent(
                "00U1",
                OWNER,
                "Product demo \"Q2\" <b>",
                T0.plusSeconds(3600),
                null,
                false,
                List.of("Maria Garcia", "Jonas Weber"))),
        List.of(
            new OpenTask(
                "00T1", OWNER, "Send the proposal", LocalDate.parse("2026-03-10"), null, T0),
            new OpenTask("00T2", OWNER, null, LocalDate.parse("2026-03-08"), "Wei Chen", null)),
        List.of(new LeadArrival("00Q1", OWNER, "Lena Vogel", null, T0.minusSeconds(60))));
  }

  @Test
  void anAgendaReadsBackAsItWasWritten() {
    assertThat(cache.agenda(OWNER)).isInstanceOf(Snapshot.NeverRefreshed.class);

    cache.replaceAgenda(agenda(), T0);

    Snapshot.Known known = (Snapshot.Known) cache.agenda(OWNER);
    assertThat(known.agenda()).isEqualTo(agenda());
    assertThat(known.refreshedAt()).isEqualTo(T0);
    assertThat(cache.agendaDigests())
        .containsExactly(java.util.Map.entry(OWNER, agenda().digest()));
  }

  private static Agenda agendaOf(String owner) {
    return new Agenda(
        owner,
        List.of(),
        List.of(
            new OpenTask("00T" + owner, owner, "Call", LocalDate.parse("2026-03-10"), null, T0)),
        List.of());
  }

  @Test
  void digestsOfManyOwnersComeInBatchesOfAHundred_withoutTheUnknownOrExpired() {
    FaultyDynamoDb counting = new FaultyDynamoDb(dynamoDb);
    DynamoDbAgendaCache batched =
        new DynamoDbAgendaCache(counting, table, Duration.ofHours(72), clock);
    List<String> owners = new java.util.ArrayList<>();
    for (int i = 0; i < 230; i++) {
      String owner = String.format("005A%011dAAA", i);
      owners.add(owner);
      if (i % 2 == 0) {
        batched.replaceAgenda(agendaOf(owner), T0);
      }
    }
    clock.advance(Duration.ofHours(71));
    batched.replaceAgenda(agendaOf(owners.get(1)), clock.instant()); // fresh
    clock.advance(Duration.ofHours(2)); // the others' 72 hours are over

    java.util.Map<String, String> expired = batched.digestsOf(owners);
    assertThat(expired).containsOnlyKeys(owners.get(1));
    assertThat(counting.batchGets()).isEqualTo(3); // 100 + 100 + 30 keys

    clock.set(T0.plusSeconds(60));
    java.util.Map<String, String> digests = batched.digestsOf(owners);
    assertThat(digests).hasSize(116).containsEntry(owners.get(0), agendaOf(owners.get(0)).digest());
    assertThat(digests).doesNotContainKey(owners.get(3));
  }

  @Test
  void unprocessedKeysAreAskedAgainUntilAnswered() {
    FaultyDynamoDb faulty = new FaultyDynamoDb(dynamoDb);
    DynamoDbAgendaCache batched =
        new DynamoDbAgendaCache(faulty, table, Duration.ofHours(72), clock);
    List<String> owners = List.of("005U00000000001AAA", "005U00000000002AAA", "005U00000000003AAA");
    owners.forEach(o -> batched.replaceAgenda(agendaOf(o), T0));

    faulty.unprocessedBatchGets(2);
    java.util.Map<String, String> digests = batched.digestsOf(owners);

    assertThat(digests).containsOnlyKeys(owners);
    assertThat(faulty.batchGets()).isEqualTo(3); // one key, one key, the last one
  }

  @Test
  void keysThatStayUnprocessedAreAStorageFailure_notAnEmptyAnswer() {
    FaultyDynamoDb faulty = new FaultyDynamoDb(dynamoDb);
    DynamoDbAgendaCache batched =
        new DynamoDbAgendaCache(faulty, table, Duration.ofHours(72), clock);
    List<String> owners = new java.util.ArrayList<>();
    for (int i = 0; i < 12; i++) {
      owners.add(String.format("005S%011dAAA", i));
    }

    faulty.unprocessedBatchGets(100);

    org.assertj.core.api.Assertions.assertThatThrownBy(() -> batched.digestsOf(owners))
        .isInstanceOf(com.crmvoice.core.port.StorageUnavailableException.class)
        .hasMessageContaining("unprocessed");
    assertThat(faulty.batchGets()).isEqualTo(BatchKeyReads.MAX_ATTEMPTS);
  }

  @Test
  void theLeadCacheAndTheAgendaCacheDoNotSeeEachOthersOwners() {
    DynamoDbLeadCache leads =
        new DynamoDbLeadCache(dynamoDb, table, new CacheConfig(5, Duration.ofHours(72)), clock);
    List<Lead> set =
        List.of(new Lead("00Q9", "005B", null, "Smith", "Acme", null, null, "Open", T0));
    leads.replaceOwnerLeads("005B", set, LeadDigest.of(set), T0);
    cache.replaceAgenda(agenda(), T0);

    assertThat(leads.ownerDigests()).containsOnlyKeys("005B");
    assertThat(cache.agendaDigests()).containsOnlyKeys(OWNER);
    assertThat(leads.topLeads(OWNER, 5)).isInstanceOf(LeadCache.Snapshot.NeverRefreshed.class);
  }

  @Test
  void anExpiredAgendaIsAMissAndOnePastHalfItsLifeIsLeftOutOfTheDigests() {
    cache.replaceAgenda(agenda(), T0);

    clock.advance(Duration.ofHours(37));
    assertThat(cache.agendaDigests()).isEmpty();
    assertThat(cache.agenda(OWNER)).isInstanceOf(Snapshot.Known.class);

    clock.advance(Duration.ofHours(36));
    assertThat(cache.agenda(OWNER)).isInstanceOf(Snapshot.NeverRefreshed.class);
  }

  @Test
  void aCompletedTaskLeavesTheStoredAgenda() {
    cache.replaceAgenda(agenda(), T0);

    assertThat(cache.removeTask(OWNER, "00T1")).isTrue();
    assertThat(cache.removeTask(OWNER, "00T1")).isFalse();

    Snapshot.Known known = (Snapshot.Known) cache.agenda(OWNER);
    assertThat(known.agenda().tasks()).extracting(OpenTask::id).containsExactly("00T2");
    assertThat(cache.agendaDigests().get(OWNER)).isEqualTo(known.agenda().digest());
  }

  @Test
  void aCreatedTaskJoinsTheStoredAgendaOnce_andNoAgendaIsWrittenForAnOwnerWithout() {
    OpenTask followUp =
        new OpenTask(
            "00T3", OWNER, "Call back", LocalDate.parse("2026-03-10"), "Maria Garcia", null);
    assertThat(cache.addTask(followUp)).isFalse();
    assertThat(cache.agenda(OWNER)).isInstanceOf(Snapshot.NeverRefreshed.class);

    cache.replaceAgenda(agenda(), T0);
    assertThat(cache.addTask(followUp)).isTrue();
    assertThat(cache.addTask(followUp)).isFalse();

    Snapshot.Known known = (Snapshot.Known) cache.agenda(OWNER);
    assertThat(known.agenda().tasks())
        .extracting(OpenTask::id)
        .containsExactly("00T2", "00T1", "00T3");
    assertThat(known.agenda().tasks()).contains(followUp);
    assertThat(cache.agendaDigests().get(OWNER)).isEqualTo(known.agenda().digest());
  }

  @Test
  void theBriefingMarkIsKeptPerOwnerAndSurvivesAgendaRewrites() {
    assertThat(cache.lastBriefing(OWNER)).isEmpty();

    cache.markBriefed(OWNER, T0);
    cache.replaceAgenda(agenda(), T0.plusSeconds(5));

    assertThat(cache.lastBriefing(OWNER)).contains(T0);
    assertThat(cache.lastBriefing("005OTHER")).isEmpty();
  }
}
