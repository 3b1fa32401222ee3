package com.crmvoice.adapters.sqs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.crmvoice.adapters.aws.LocalAws;
import com.crmvoice.adapters.aws.ResourceDefinitions;
import com.crmvoice.adapters.aws.ResourceDefinitions.QueuePair;
import com.crmvoice.adapters.codec.CommandCodec;
import com.crmvoice.adapters.codec.MalformedCommandException;
import com.crmvoice.adapters.codec.RefreshMessageCodec;
import com.crmvoice.core.domain.CreateLead;
import com.crmvoice.core.domain.NewLead;
import com.crmvoice.testkit.aws.AwsTestEnvironment;
import com.crmvoice.testkit.aws.EmbeddedAws;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/** The queues against ElasticMQ; against LocalStack in {@link SqsQueuesLocalStackIT}. */
class SqsQueuesIT {

  /** The AWS these tests run against; a LocalStack subclass returns LocalStack. */
  protected AwsTestEnvironment aws() {
    return EmbeddedAws.shared();
  }

  private final AwsTestEnvironment aws = aws();

  private final SqsClient sqs = LocalAws.clients(aws).sqs();
  private final CommandCodec codec = new CommandCodec();

  @Test
  void aCommandTravelsThroughTheQueueInTheSharedFormat() {
    QueuePair queue = ResourceDefinitions.createQueueWithDlq(sqs, aws.freshName("commands"), 3, 30);
    CreateLead command =
        new CreateLead(
            "cmd-sqs-1",
            "005A",
            new NewLead("Ada", "Lovelace", "Analytical", "ada@example.com", null),
            Instant.parse("2026-03-01T09:00:00Z"));

    new SqsCommandQueue(sqs, queue.queueUrl(), codec).send(command);

    List<Message> messages =
        sqs.receiveMessage(
                r -> r.queueUrl(queue.queueUrl()).messageAttributeNames("All").waitTimeSeconds(2))
            .messages();
    assertThat(messages).hasSize(1);
    assertThat(codec.decode(messages.get(0).body())).isEqualTo(command);
    assertThat(messages.get(0).messageAttributes().get("commandId").stringValue())
        .isEqualTo("cmd-sqs-1");
    assertThat(messages.get(0).messageAttributes().get("type").stringValue())
        .isEqualTo("CreateLead");
  }

  @Test
  void theQueueRedrivesToItsDeadLetterQueue() {
    QueuePair queue = ResourceDefinitions.createQueueWithDlq(sqs, aws.freshName("q"), 2, 30);

    String redrive =
        sqs.getQueueAttributes(
                r -> r.queueUrl(queue.queueUrl()).attributeNames(QueueAttributeName.REDRIVE_POLICY))
            .attributes()
            .get(QueueAttributeName.REDRIVE_POLICY);

    assertThat(redrive).contains(queue.dlqArn()).contains("2");
  }

  @Test
  void aRefreshRequestCarriesTheOwner() {
    QueuePair queue = ResourceDefinitions.createQueueWithDlq(sqs, aws.freshName("refresh"), 3, 30);

    new SqsRefreshQueue(sqs, queue.queueUrl()).requestRefresh("005OWNER");

    Message message =
        sqs.receiveMessage(r -> r.queueUrl(queue.queueUrl()).waitTimeSeconds(2)).messages().get(0);
    assertThat(new RefreshMessageCodec().decode(message.body())).isEqualTo("005OWNER");
    assertThatThrownBy(() -> new RefreshMessageCodec().decode("{\"version\":9}"))
        .isInstanceOf(MalformedCommandException.class);
  }
}
