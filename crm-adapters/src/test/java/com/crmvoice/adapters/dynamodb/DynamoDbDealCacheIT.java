package com.crmvoice.adapters.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;

import com.crmvoice.adapters.aws.LocalAws;
import com.crmvoice.adapters.aws.ResourceDefinitions;
import com.crmvoice.core.config.CacheConfig;
import com.crmvoice.core.contract.DealCacheContract;
import com.crmvoice.core.domain.Lead;
import com.crmvoice.core.domain.LeadDigest;
import com.crmvoice.core.domain.deal.DealBook;
import com.crmvoice.core.fakes.MutableClock;
import com.crmvoice.core.port.DealCache;
import com.crmvoice.core.port.DealCache.Snapshot;
import com.crmvoice.core.port.LeadCache;
import com.crmvoice.core.port.LeadCache.WriteCount;
import com.crmvoice.testkit.aws.EmbeddedAws;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** The DealCache contract against DynamoDB Local, in the lead cache's table, beside leads. */
class DynamoDbDealCacheIT extends DealCacheContract {

  private final EmbeddedAws aws = EmbeddedAws.shared();
  private final DynamoDbClient dynamoDb = LocalAws.clients(aws).dynamoDb();
  private final MutableClock clock = new MutableClock(T0);
  private final CacheConfig config = new CacheConfig(5, Duration.ofHours(72));
  private String table;

  @Override
  protected DealCache newCache() {
    table = aws.freshName("leads");
    ResourceDefinitions.createLeadsTable(dynamoDb, table);
    return new DynamoDbDealCache(dynamoDb, table, config, clock);
  }

  @Test
  void aBookNeitherHidesNorShowsAsTheOwnersLeads() {
    DynamoDbDealCache deals = (DynamoDbDealCache) newCache();
    LeadCache leads = new DynamoDbLeadCache(dynamoDb, table, config, clock);
    String owner = "005MIXED000000AAA";
    List<Lead> ownLeads =
        List.of(new Lead("00Q1", owner, "Maria", "Garcia", "Northwind", null, null, "Open", T0));
    leads.replaceOwnerLeads(owner, ownLeads, LeadDigest.of(ownLeads), T0);

    deals.replaceOwnerBook(
        owner, new DealBook(List.of(deal(owner, "006A", 2, "10")), List.of()), T0);

    assertThat(((LeadCache.Snapshot.Known) leads.topLeads(owner, 5)).leads()).isEqualTo(ownLeads);
    assertThat(leads.ownerDigests()).containsOnlyKeys(owner);
    assertThat(leads.ownersHolding(List.of("006A"))).isEmpty();
    assertThat(((Snapshot.Known) deals.book(owner)).book().openDeals()).hasSize(1);
  }

  @Test
  void aBookPastItsTtlIsNoBook_andIsWrittenAgain() {
    DynamoDbDealCache cache = (DynamoDbDealCache) newCache();
    DealBook book = new DealBook(List.of(deal("005TTL", "006A", 2, "10")), List.of());
    cache.replaceOwnerBook("005TTL", book, T0);

    clock.advance(Duration.ofHours(73));

    assertThat(cache.book("005TTL")).isInstanceOf(Snapshot.NeverRefreshed.class);
    assertThat(cache.digestsOf(List.of("005TTL"))).isEmpty();
    assertThat(cache.replaceOwnerBook("005TTL", book, clock.instant()))
        .isEqualTo(new WriteCount(1, 0));
  }

  @Test
  void digestsOfManyOwnersComeInBatches() {
    DynamoDbDealCache cache = (DynamoDbDealCache) newCache();
    List<String> owners = new ArrayList<>();
    for (int i = 0; i < 130; i++) {
      String owner = String.format("005B%011dAAA", i);
      owners.add(owner);
      if (i % 2 == 0) {
        cache.replaceOwnerBook(owner, DealBook.EMPTY, T0);
      }
    }

    assertThat(cache.digestsOf(owners))
        .hasSize(65)
        .containsEntry(owners.get(0), DealBook.EMPTY.digest());
  }
}
