package com.crmvoice.testkit.aws;

import static org.assertj.core.api.Assertions.assertThat;

import com.crmvoice.testkit.aws.AwsOperationRecorder.Call;
import com.crmvoice.testkit.aws.AwsOperationRecorder.Recording;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.services.dynamodb.model.ConditionCheck;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.TransactGetItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;

class AwsOperationRecorderTest {

  /** Stands for a function's code: its handler and its service, by this name prefix. */
  private static final String FUNCTION_CODE = AwsOperationRecorderTest.class.getName() + "$Fn";

  @TempDir Path dir;

  private final ExecutorService pool =
      Executors.newFixedThreadPool(2, r -> new Thread(r, "owner-writer"));

  private Recording recording() {
    return new Recording(
        Map.of(FUNCTION_CODE, "fn"),
        // The stack of the function's tests lives in the function's package, but is test code.
        type -> type == FnTestStack.class || type == AwsOperationRecorderTest.class,
        dir);
  }

  @AfterEach
  void stopPool() throws InterruptedException {
    pool.shutdownNow();
    pool.awaitTermination(5, TimeUnit.SECONDS);
  }

  private static void call(AwsOperationRecorder recorder, String operation, SdkRequest request) {
    ExecutionAttributes attributes =
        ExecutionAttributes.builder()
            .put(SdkExecutionAttribute.SERVICE_NAME, "DynamoDb")
            .put(SdkExecutionAttribute.OPERATION_NAME, operation)
            .build();
    Context.BeforeExecution context = () -> request;
    recorder.beforeExecution(context, attributes);
  }

  private static final SdkRequest GET = GetItemRequest.builder().tableName("t").build();

  /** The function's handler: makes one call itself and one through its service's pool. */
  static final class FnHandler {
    private final AwsOperationRecorder recorder;
    private final FnService service;

    FnHandler(AwsOperationRecorder recorder, ExecutorService pool) {
      this.recorder = recorder;
      this.service = new FnService(recorder, pool);
    }

    void handleRequest() {
      call(recorder, "GetItem", GET);
    }
  }

  /** The function's service, writing on pool threads as the refresher's OwnerTasks does. */
  static final class FnService {
    private final AwsOperationRecorder recorder;
    private final ExecutorService pool;

    FnService(AwsOperationRecorder recorder, ExecutorService pool) {
      this.recorder = recorder;
      this.pool = pool;
    }

    void writeOnPool() throws Exception {
      pool.submit(() -> call(recorder, "BatchWriteItem", GET)).get();
    }
  }

  /** A test's own wiring in the function's package: creates tables, seeds items. */
  static final class FnTestStack {
    static void seed(AwsOperationRecorder recorder) {
      call(recorder, "CreateTable", GET);
      call(recorder, "PutItem", GET);
    }
  }

  @Test
  void recordsACallMadeByTheFunctionsCode_withItsServiceAndOperation() {
    Recording recording = recording();
    FnHandler handler = new FnHandler(new AwsOperationRecorder(recording), pool);

    handler.handleRequest();

    assertThat(recording.calls())
        .containsExactly(new Call("fn", "DynamoDb:GetItem", Thread.currentThread().getName()));
  }

  @Test
  void attributesACallOnAPoolThreadByTheServiceOnItsStack() throws Exception {
    Recording recording = recording();
    FnHandler handler = new FnHandler(new AwsOperationRecorder(recording), pool);

    handler.service.writeOnPool();

    assertThat(recording.calls())
        .containsExactly(new Call("fn", "DynamoDb:BatchWriteItem", "owner-writer"));
  }

  @Test
  void ignoresTestSetup_evenInTheFunctionsPackage_andWorkATestPutsOnThePool() throws Exception {
    Recording recording = recording();
    AwsOperationRecorder recorder = new AwsOperationRecorder(recording);

    FnTestStack.seed(recorder);
    call(recorder, "Scan", GET);
    pool.submit(() -> call(recorder, "DeleteItem", GET)).get();

    assertThat(recording.calls()).isEmpty();
    assertThat(dir.resolve("fn.txt")).doesNotExist();
  }

  @Test
  void recordsATransactWriteOncePerKindOfItem_andATransactGetAsItsGets() {
    TransactWriteItemsRequest write =
        TransactWriteItemsRequest.builder()
            .transactItems(
                TransactWriteItem.builder().put(Put.builder().tableName("t").build()).build(),
                TransactWriteItem.builder().put(Put.builder().tableName("u").build()).build(),
                TransactWriteItem.builder()
                    .conditionCheck(ConditionCheck.builder().tableName("t").build())
                    .build())
            .build();

    assertThat(AwsOperationRecorder.operations("DynamoDb", "TransactWriteItems", write))
        .containsExactly(
            "DynamoDb:TransactWriteItems.ConditionCheck", "DynamoDb:TransactWriteItems.Put");
    assertThat(
            AwsOperationRecorder.operations(
                "DynamoDb", "TransactGetItems", TransactGetItemsRequest.builder().build()))
        .containsExactly("DynamoDb:TransactGetItems.Get");
  }

  @Test
  void writesTheFunctionsOperations_mergedWithWhatAnotherJvmWroteBefore() throws IOException {
    Files.writeString(dir.resolve("fn.txt"), "# from surefire\nDynamoDb:Query\n");
    Recording recording = recording();
    FnHandler handler = new FnHandler(new AwsOperationRecorder(recording), pool);

    handler.handleRequest();
    handler.handleRequest();

    List<String> lines = Files.readAllLines(dir.resolve("fn.txt"));
    assertThat(lines.get(0)).startsWith("#");
    assertThat(lines.subList(1, lines.size()))
        .containsExactly("DynamoDb:GetItem", "DynamoDb:Query");
  }

  @Test
  void tellsTestCodeFromMainCodeByWhereItWasLoadedFrom() {
    assertThat(AwsOperationRecorder.isTestCode(AwsOperationRecorderTest.class)).isTrue();
    assertThat(AwsOperationRecorder.isTestCode(AwsOperationRecorder.class)).isFalse();
    assertThat(AwsOperationRecorder.isTestCode(String.class)).isFalse();
  }
}
