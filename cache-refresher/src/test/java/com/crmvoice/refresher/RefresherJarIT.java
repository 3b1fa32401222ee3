package com.crmvoice.refresher;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import com.crmvoice.testkit.lambda.LambdaJar;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.reflect.Method;
import java.net.URLClassLoader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What the refresher's deployed jar carries: its handler and the clients it calls (DynamoDB,
 * Secrets Manager), not the SQS client (it sends nothing; the refresh queue reaches it through its
 * event source mapping), resilience4j, the ASK SDK or Lambda event types other than SQS's. And that
 * the jar alone, without the test class path, starts and answers a queue batch.
 */
class RefresherJarIT {

  private static final LambdaJar JAR = LambdaJar.inTarget();
  private static final String EVENTS = "com/amazonaws/services/lambda/runtime/events/";

  @Test
  void carriesWhatItsCodeUsesAndNothingElse() {
    System.out.println(JAR.summary());
    assertThat(JAR.entries())
        .contains(
            "com/crmvoice/refresher/CacheRefresherHandler.class",
            "com/crmvoice/refresher/ScheduleInput.class");
    assertThat(JAR.classesUnder("software/amazon/awssdk/services/dynamodb/")).isNotEmpty();
    assertThat(JAR.classesUnder("software/amazon/awssdk/services/secretsmanager/")).isNotEmpty();
    assertThat(JAR.classesUnder("software/amazon/awssdk/services/sqs/")).isEmpty();
    assertThat(JAR.classesUnder("io/github/resilience4j/")).isEmpty();
    assertThat(JAR.classesUnder("com/amazon/ask/")).isEmpty();
    assertThat(JAR.classesUnder("org/joda/")).isEmpty();
    assertThat(JAR.classesUnder(EVENTS))
        .isNotEmpty()
        .allMatch(name -> name.startsWith(EVENTS + "SQS"));
  }

  @Test
  void startsFromItsJarAlone_andHandsAQueueBatchBackWhileSalesforceIsNotConfigured()
      throws Exception {
    SQSEvent event = EventLoader.loadSQSEvent("events/sqs-refresh-batch.json");
    List<String> ids = event.getRecords().stream().map(SQSEvent.SQSMessage::getMessageId).toList();
    // Loopback only, and nothing listens there: the handler must answer without any call.
    Map<String, String> env =
        Map.of(
            "LEADS_TABLE", "crm-leads",
            "AWS_REGION", "us-east-1",
            "AWS_ACCESS_KEY_ID", "local",
            "AWS_SECRET_ACCESS_KEY", "local",
            "AWS_ENDPOINT_URL", "http://127.0.0.1:9");
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Thread thread = Thread.currentThread();
    ClassLoader before = thread.getContextClassLoader();
    try (URLClassLoader loader = JAR.isolatedClassLoader();
        InputStream in = getClass().getResourceAsStream("/events/sqs-refresh-batch.json")) {
      thread.setContextClassLoader(loader);
      Class<?> handlerClass = loader.loadClass("com.crmvoice.refresher.CacheRefresherHandler");
      assertThat(handlerClass.getClassLoader()).isSameAs(loader);
      Object handler = handlerClass.getConstructor(Map.class).newInstance(env);
      Method handle =
          handlerClass.getMethod(
              "handleRequest",
              InputStream.class,
              OutputStream.class,
              loader.loadClass("com.amazonaws.services.lambda.runtime.Context"));
      handle.invoke(handler, in, out, null);
    } finally {
      thread.setContextClassLoader(before);
    }
    JsonNode answer = new ObjectMapper().readTree(out.toByteArray());
    List<String> handedBack = new ArrayList<>();
    answer
        .path("batchItemFailures")
        .forEach(f -> handedBack.add(f.path("itemIdentifier").asText()));
    assertThat(handedBack).isNotEmpty().containsExactlyElementsOf(ids);
  }
}
