package com.crmvoice.intent;

import static org.assertj.core.api.Assertions.assertThat;

import com.crmvoice.testkit.lambda.LambdaJar;
import org.junit.jupiter.api.Test;

/**
 * What the intent function's deployed jar carries: its handler, the ASK SDK and the clients it
 * calls (DynamoDB, SQS, Secrets Manager), org.crac for the SnapStart hooks; not resilience4j (the
 * worker's alone), Joda-Time or any Lambda event type (the skill reads Alexa's envelope, not a
 * Lambda event).
 */
class IntentJarIT {

  private static final LambdaJar JAR = LambdaJar.inTarget();

  @Test
  void carriesWhatItsCodeUsesAndNothingElse() {
    System.out.println(JAR.summary());
    assertThat(JAR.entries()).contains("com/crmvoice/intent/IntentStreamHandler.class");
    assertThat(JAR.classesUnder("com/amazon/ask/")).isNotEmpty();
    assertThat(JAR.classesUnder("software/amazon/awssdk/services/dynamodb/")).isNotEmpty();
    assertThat(JAR.classesUnder("software/amazon/awssdk/services/sqs/")).isNotEmpty();
    assertThat(JAR.classesUnder("software/amazon/awssdk/services/secretsmanager/")).isNotEmpty();
    // The SnapStart hooks' interface: Lambda calls them only if the jar carries org.crac.
    assertThat(JAR.entries()).contains("org/crac/Resource.class");
    assertThat(JAR.classesUnder("io/github/resilience4j/")).isEmpty();
    assertThat(JAR.classesUnder("org/joda/")).isEmpty();
    assertThat(JAR.classesUnder("com/amazonaws/services/lambda/runtime/events/")).isEmpty();
  }
}
