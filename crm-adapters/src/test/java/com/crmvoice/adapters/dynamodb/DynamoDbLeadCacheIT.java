package com.crmvoice.adapters.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;

import com.crmvoice.adapters.aws.LocalAws;
import com.crmvoice.adapters.aws.ResourceDefinitions;
import com.crmvoice.core.config.CacheConfig;
import com.crmvoice.core.contract.LeadCacheContract;
import com.crmvoice.core.domain.Lead;
import com.crmvoice.core.domain.LeadDigest;
import com.crmvoice.core.fakes.MutableClock;
import com.crmvoice.core.port.LeadCache;
import com.crmvoice.testkit.aws.AwsTestEnvironment;
import com.crmvoice.testkit.aws.EmbeddedAws;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The LeadCache contract against DynamoDB Local, plus what only DynamoDB can show; against
 * LocalStack in {@link DynamoDbLeadCacheLocalStackIT}.
 */
class DynamoDbLeadCacheIT extends LeadCacheContract {

  /** The AWS these tests run against; a LocalStack subclass returns LocalStack. */
  protected AwsTestEnvironment aws() {
    return EmbeddedAws.shared();
  }

  private final AwsTestEnvironment aws = aws();

  private final DynamoDbClient dynamoDb = LocalAws.clients(aws).dynamoDb();
  private final MutableClock clock = new MutableClock(T0);
  private final CacheConfig config = new CacheConfig(5, Duration.ofHours(72));
  private String table;

  @Override
  protected LeadCache newCache() {
    table = aws.freshName("leads");
    ResourceDefinitions.createLeadsTable(dynamoDb, table);
    return new DynamoDbLeadCache(dynamoDb, table, config, clock);
  }

  @Test
  void everyItemCarriesATtlFromItsRefresh() {
    DynamoDbLeadCache cache = (DynamoDbLeadCache) newCache();
    List<Lead> leads = List.of(lead("005TTL", "00Q1", 1));
    cache.replaceOwnerLeads("005TTL", leads, LeadDigest.of(leads), T0);

    List<Map<String, AttributeValue>> items = dynamoDb.scan(r -> r.tableName(table)).items();

    assertThat(items).hasSize(2);
    assertThat(items)
        .allSatisfy(
            item ->
                assertThat(Long.parseLong(item.get("ttl").n()))
                    .isEqualTo(T0.plus(Duration.ofHours(72)).getEpochSecond()));
  }

  @Test
  void aQuietOwnerIsRenewedOnceItsItemsAreHalfWayToExpiry() {
    DynamoDbLeadCache cache = (DynamoDbLeadCache) newCache();
    List<Lead> leads = List.of(lead("005OLD", "00Q1", 1));
    String digest = LeadDigest.of(leads);
    cache.replaceOwnerLeads("005OLD", leads, digest, T0);
    assertThat(cache.ownerDigests()).containsEntry("005OLD", digest);

    clock.advance(Duration.ofHours(37));

    assertThat(cache.ownerDigests().get("005OLD")).isNotEqualTo(digest);
    assertThat(cache.replaceOwnerLeads("005OLD", leads, digest, clock.instant()).written())
        .isEqualTo(2);
    assertThat(cache.ownerDigests()).containsEntry("005OLD", digest);
  }

  @Test
  void sortKeysOrderByTimeWhateverTheFractionOfASecond() {
    Lead whole = lead("005A", "00QB", 0);
    Lead later = new Lead("00QA", "005A", null, "L", "C", null, null, "Open", T0.plusMillis(1));
    assertThat(DynamoDbLeadCache.sortKey(whole)).isLessThan(DynamoDbLeadCache.sortKey(later));
  }
}
