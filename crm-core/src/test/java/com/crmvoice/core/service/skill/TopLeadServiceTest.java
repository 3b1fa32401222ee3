package com.crmvoice.core.service.skill;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.crmvoice.core.domain.Lead;
import com.crmvoice.core.domain.LeadDigest;
import com.crmvoice.core.fakes.InMemoryCrmGateway;
import com.crmvoice.core.fakes.InMemoryLeadCache;
import com.crmvoice.core.fakes.InMemoryRefreshQueue;
import com.crmvoice.core.fakes.MutableClock;
import com.crmvoice.core.port.CrmGateway;
import com.crmvoice.core.port.CrmNotConfiguredException;
import com.crmvoice.core.port.LeadCache;
import com.crmvoice.core.service.skill.TopLeadService.TopLead;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class TopLeadServiceTest {

  private static final String ALICE = "005ALICE0000001AAA";
  private static final String BOB = "005BOB000000001AAA";
  private final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T09:00:00Z"));
  private final InMemoryLeadCache cache = new InMemoryLeadCache();
  private final InMemoryCrmGateway crm = new InMemoryCrmGateway(clock);
  private final InMemoryRefreshQueue refresh = new InMemoryRefreshQueue();
  private final ExecutorService executor = Executors.newCachedThreadPool();
  private final AtomicInteger hookCalls = new AtomicInteger();

  @AfterEach
  void stop() {
    executor.shutdownNow();
  }

  private TopLeadService service(CrmGateway gateway, Duration budget) {
    return new TopLeadService(cache, gateway, refresh, clock, 5, budget, executor);
  }

  private static Lead lead(String id, String owner, String last, String created) {
    return new Lead(
        id,
        owner,
        "Ada",
        last,
        "Acme",
        "ada@acme.com",
        "+1 555 0100",
        "Open",
        Instant.parse(created));
  }

  @Test
  void aCrmThatIsNotConfiguredYetIsReported_notTurnedIntoARefresh() {
    CrmGateway blank =
        (CrmGateway)
            Proxy.newProxyInstance(
                CrmGateway.class.getClassLoader(),
                new Class<?>[] {CrmGateway.class},
                (proxy, method, args) -> {
                  throw new CrmNotConfiguredException(
                      "SALESFORCE_CLIENT_ID is required but not set");
                });

    assertThatThrownBy(() -> service(blank, Duration.ofSeconds(2)).topLead(ALICE, () -> {}))
        .isInstanceOf(CrmNotConfiguredException.class)
        .hasMessageContaining("SALESFORCE_CLIENT_ID");
    assertThat(refresh.requested()).isEmpty();
  }

  @Test
  void answersTheOldestCachedLead_withoutAskingTheCrm() {
    List<Lead> leads =
        List.of(
            lead("00Q2", ALICE, "Newer", "2026-02-02T00:00:00Z"),
            lead("00Q1", ALICE, "Older", "2026-01-01T00:00:00Z"));
    cache.replaceOwnerLeads(ALICE, leads, LeadDigest.of(leads), clock.instant());

    TopLead answer = service(crm, Duration.ofSeconds(2)).topLead(ALICE, hookCalls::incrementAndGet);

    assertThat(answer)
        .isEqualTo(new TopLead.Found(leads.get(1), false, List.of(leads.get(1), leads.get(0))));
    assertThat(crm.calls("topOpenLeads")).isZero();
    assertThat(hookCalls).hasValue(0);
  }

  @Test
  void answersNoOpenLeads_whenTheCacheKnowsTheOwnerHasNone() {
    cache.replaceOwnerLeads(ALICE, List.of(), LeadDigest.EMPTY, clock.instant());

    assertThat(service(crm, Duration.ofSeconds(2)).topLead(ALICE, hookCalls::incrementAndGet))
        .isInstanceOf(TopLead.NoOpenLeads.class);
    assertThat(crm.calls("topOpenLeads")).isZero();
  }

  @Test
  void asksTheCrmLiveOnACacheMiss_callsTheHookFirst_andStoresTheAnswer() {
    crm.put(lead("00Q1", ALICE, "Lovelace", "2026-01-01T00:00:00Z"));
    crm.put(lead("00Q9", BOB, "Babbage", "2025-01-01T00:00:00Z"));

    TopLead answer = service(crm, Duration.ofSeconds(2)).topLead(ALICE, hookCalls::incrementAndGet);

    assertThat(answer)
        .isInstanceOfSatisfying(
            TopLead.Found.class,
            f -> {
              assertThat(f.lead().lastName()).isEqualTo("Lovelace");
              assertThat(f.live()).isTrue();
            });
    assertThat(hookCalls).hasValue(1);
    assertThat(cache.topLeads(ALICE, 5))
        .isInstanceOfSatisfying(
            LeadCache.Snapshot.Known.class,
            k -> assertThat(k.leads()).extracting(Lead::id).containsExactly("00Q1"));
    assertThat(refresh.requested()).isEmpty();
  }

  @Test
  void remembersAnOwnerWithNoLeads_afterALiveLookupFindsNone() {
    TopLead answer = service(crm, Duration.ofSeconds(2)).topLead(ALICE, hookCalls::incrementAndGet);

    assertThat(answer).isInstanceOf(TopLead.NoOpenLeads.class);
    assertThat(cache.topLeads(ALICE, 5)).isInstanceOf(LeadCache.Snapshot.Known.class);
  }

  @Test
  void requestsARefresh_whenTheCrmIsUnavailable() {
    crm.failNextCalls(1);

    TopLead answer = service(crm, Duration.ofSeconds(2)).topLead(ALICE, hookCalls::incrementAndGet);

    assertThat(answer).isInstanceOf(TopLead.Unavailable.class);
    assertThat(refresh.requested()).containsExactly(ALICE);
    assertThat(cache.topLeads(ALICE, 5)).isInstanceOf(LeadCache.Snapshot.NeverRefreshed.class);
  }

  @Test
  void requestsARefresh_whenTheLiveLookupExceedsItsBudget() {
    CountDownLatch never = new CountDownLatch(1);
    CrmGateway stuck =
        (CrmGateway)
            Proxy.newProxyInstance(
                getClass().getClassLoader(),
                new Class<?>[] {CrmGateway.class},
                (proxy, method, args) -> {
                  never.await();
                  return List.of();
                });

    TopLead answer =
        service(stuck, Duration.ofMillis(30)).topLead(ALICE, hookCalls::incrementAndGet);

    assertThat(answer).isInstanceOf(TopLead.Unavailable.class);
    assertThat(refresh.requested()).containsExactly(ALICE);
    assertThat(hookCalls).hasValue(1);
  }

  @Test
  void stillAnswers_whenTheHookThrows() {
    crm.put(lead("00Q1", ALICE, "Lovelace", "2026-01-01T00:00:00Z"));

    TopLead answer =
        service(crm, Duration.ofSeconds(2))
            .topLead(
                ALICE,
                () -> {
                  throw new IllegalStateException("progressive response failed");
                });

    assertThat(answer).isInstanceOf(TopLead.Found.class);
  }
}
