package com.crmvoice.worker;

import static org.assertj.core.api.Assertions.assertThat;

import com.crmvoice.testkit.lambda.LambdaJar;
import org.junit.jupiter.api.Test;

/**
 * What the worker's deployed jar (the command worker and the notifier) carries: its handlers,
 * resilience4j and the clients it calls (DynamoDB, SQS for the dead-letter queue and deferrals,
 * Secrets Manager); not the ASK SDK, Joda-Time or Lambda event types other than SQS's.
 */
class WorkerJarIT {

  private static final LambdaJar JAR = LambdaJar.inTarget();
  private static final String EVENTS = "com/amazonaws/services/lambda/runtime/events/";

  @Test
  void carriesWhatItsCodeUsesAndNothingElse() {
    System.out.println(JAR.summary());
    assertThat(JAR.entries())
        .contains(
            "com/crmvoice/worker/CrmWorkerHandler.class",
            "com/crmvoice/worker/NotificationWorkerHandler.class");
    assertThat(JAR.classesUnder("io/github/resilience4j/")).isNotEmpty();
    assertThat(JAR.classesUnder("software/amazon/awssdk/services/dynamodb/")).isNotEmpty();
    assertThat(JAR.classesUnder("software/amazon/awssdk/services/sqs/")).isNotEmpty();
    assertThat(JAR.classesUnder("software/amazon/awssdk/services/secretsmanager/")).isNotEmpty();
    assertThat(JAR.classesUnder("com/amazon/ask/")).isEmpty();
    assertThat(JAR.classesUnder("org/joda/")).isEmpty();
    assertThat(JAR.classesUnder(EVENTS))
        .isNotEmpty()
        .allMatch(name -> name.startsWith(EVENTS + "SQS"));
  }
}
