package com.crmvoice.adapters.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;

import com.crmvoice.adapters.aws.LocalAws;
import com.crmvoice.adapters.aws.ResourceDefinitions;
import com.crmvoice.core.config.CacheConfig;
import com.crmvoice.core.domain.Lead;
import com.crmvoice.core.domain.LeadDigest;
import com.crmvoice.core.fakes.MutableClock;
import com.crmvoice.core.port.LeadCache.Snapshot;
import com.crmvoice.testkit.aws.AwsTestEnvironment;
import com.crmvoice.testkit.aws.EmbeddedAws;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The watermark in the leads table, beside a lead cache that must never mistake it for an owner.
 */
class DynamoDbWatermarkStoreIT {

  private static final Instant T0 = Instant.parse("2026-02-01T10:00:00.123Z");

  /** The AWS these tests run against; a LocalStack subclass returns LocalStack. */
  protected AwsTestEnvironment aws() {
    return EmbeddedAws.shared();
  }

  private final DynamoDbClient dynamoDb = LocalAws.clients(aws()).dynamoDb();
  private String table;

  @BeforeEach
  void createTable() {
    table = EmbeddedAws.uniqueName("leads");
    ResourceDefinitions.createLeadsTable(dynamoDb, table);
  }

  @Test
  void isEmptyUntilFirstAdvanced_thenKeepsMilliseconds() {
    String own = EmbeddedAws.uniqueName("leads");
    ResourceDefinitions.createLeadsTable(dynamoDb, own);
    DynamoDbWatermarkStore store = new DynamoDbWatermarkStore(dynamoDb, own);

    assertThat(store.load()).isEmpty();
    store.advance(T0);

    assertThat(store.load()).contains(T0);
  }

  @Test
  void neverMovesBack() {
    DynamoDbWatermarkStore store = new DynamoDbWatermarkStore(dynamoDb, table);
    store.advance(T0.plusSeconds(60));

    store.advance(T0);

    assertThat(store.load()).contains(T0.plusSeconds(60));
    store.advance(T0.plusSeconds(120));
    assertThat(store.load()).contains(T0.plusSeconds(120));
  }

  @Test
  void isNeverTakenForAnOwnerByTheLeadCache() {
    DynamoDbWatermarkStore store = new DynamoDbWatermarkStore(dynamoDb, table);
    MutableClock clock = new MutableClock(T0);
    DynamoDbLeadCache cache =
        new DynamoDbLeadCache(dynamoDb, table, new CacheConfig(5, Duration.ofHours(72)), clock);
    List<Lead> leads =
        List.of(new Lead("00Q1", "005A", null, "Smith", "Acme", null, null, "Open", T0));
    cache.replaceOwnerLeads("005A", leads, LeadDigest.of(leads), T0);
    store.advance(T0);

    assertThat(cache.ownerDigests()).containsOnlyKeys("005A");
    assertThat(cache.ownersHolding(List.of("00Q1", DynamoDbWatermarkStore.RESERVED_PK)))
        .containsOnly("005A");
    assertThat(cache.topLeads(DynamoDbWatermarkStore.RESERVED_PK, 5))
        .isInstanceOf(Snapshot.NeverRefreshed.class);
  }
}
