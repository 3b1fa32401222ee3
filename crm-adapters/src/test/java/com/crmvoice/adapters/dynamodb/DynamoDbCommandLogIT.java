package com.crmvoice.adapters.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;

import com.crmvoice.adapters.aws.LocalAws;
import com.crmvoice.adapters.aws.ResourceDefinitions;
import com.crmvoice.core.contract.CommandLogContract;
import com.crmvoice.core.domain.CreateLead;
import com.crmvoice.core.domain.NewLead;
import com.crmvoice.core.port.CommandLog;
import com.crmvoice.core.port.CommandLog.Claim;
import com.crmvoice.core.service.skill.LeadStatusService;
import com.crmvoice.testkit.aws.AwsTestEnvironment;
import com.crmvoice.testkit.aws.EmbeddedAws;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsResponse;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemResponse;

/**
 * The CommandLog contract against DynamoDB Local, plus concurrent claims; against LocalStack in
 * {@link DynamoDbCommandLogLocalStackIT}.
 */
class DynamoDbCommandLogIT extends CommandLogContract {

  /** The AWS these tests run against; a LocalStack subclass returns LocalStack. */
  protected AwsTestEnvironment aws() {
    return EmbeddedAws.shared();
  }

  private final AwsTestEnvironment aws = aws();

  private final DynamoDbClient dynamoDb = LocalAws.clients(aws).dynamoDb();

  @Override
  protected CommandLog newLog() {
    String table = aws.freshName("commands");
    ResourceDefinitions.createCommandsTable(dynamoDb, table);
    return new DynamoDbCommandLog(dynamoDb, table, Duration.ofDays(30));
  }

  @Test
  void ofEightConcurrentClaimsExactlyOneWins() throws Exception {
    CommandLog log = newLog();
    Instant now = Instant.now();
    CreateLead command =
        new CreateLead("race-1", "005RACE", new NewLead(null, "Race", "Co", null, null), now);
    log.recordQueued(command, now);
    ExecutorService pool = Executors.newFixedThreadPool(8);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<Claim>> results = new ArrayList<>();
    try {
      for (int i = 0; i < 8; i++) {
        Callable<Claim> claim =
            () -> {
              start.await();
              return log.claim(command, now, Duration.ofMinutes(1));
            };
        results.add(pool.submit(claim));
      }
      start.countDown();
      List<Claim> claims = new ArrayList<>();
      for (Future<Claim> result : results) {
        claims.add(result.get());
      }
      assertThat(claims).filteredOn(c -> c instanceof Claim.Claimed).hasSize(1);
      assertThat(claims).filteredOn(c -> c instanceof Claim.HeldElsewhere).hasSize(7);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void whatHappenedToMyLeadIsReadByKeyWithConsistentRead_neverFromTheOwnerIndex() {
    String table = aws.freshName("commands");
    ResourceDefinitions.createCommandsTable(dynamoDb, table);
    List<GetItemRequest> reads = new ArrayList<>();
    DynamoDbClient keyReadsOnly =
        new DynamoDbClient() {
          @Override
          public TransactWriteItemsResponse transactWriteItems(TransactWriteItemsRequest r) {
            return dynamoDb.transactWriteItems(r);
          }

          @Override
          public UpdateItemResponse updateItem(UpdateItemRequest r) {
            return dynamoDb.updateItem(r);
          }

          @Override
          public GetItemResponse getItem(GetItemRequest r) {
            reads.add(r);
            return dynamoDb.getItem(r);
          }

          @Override
          public QueryResponse query(QueryRequest r) {
            // DynamoDB's index is eventually consistent: it may not hold the command yet.
            throw new AssertionError("read the eventually consistent index " + r.indexName());
          }

          @Override
          public String serviceName() {
            return dynamoDb.serviceName();
          }

          @Override
          public void close() {}
        };
    CommandLog log = new DynamoDbCommandLog(keyReadsOnly, table, Duration.ofDays(30));
    Instant now = Instant.now();
    CreateLead first =
        new CreateLead("ryw-1", "005RYW", new NewLead(null, "First", "Co", null, null), now);
    CreateLead second =
        new CreateLead(
            "ryw-2", "005RYW", new NewLead(null, "Second", "Co", null, null), now.plusSeconds(1));
    log.recordQueued(first, now);
    log.recordQueued(second, now.plusSeconds(1));

    assertThat(new LeadStatusService(log).latest("005RYW"))
        .hasValueSatisfying(r -> assertThat(r.command()).isEqualTo(second));
    assertThat(reads).hasSize(2).allMatch(GetItemRequest::consistentRead);
  }
}
