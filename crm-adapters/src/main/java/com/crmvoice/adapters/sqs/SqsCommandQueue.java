package com.crmvoice.adapters.sqs;

import com.crmvoice.adapters.codec.CommandCodec;
import com.crmvoice.core.domain.CrmCommand;
import com.crmvoice.core.domain.TextRules;
import com.crmvoice.core.port.CommandQueue;
import com.crmvoice.core.port.StorageUnavailableException;
import java.util.Map;
import java.util.function.Supplier;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;

/**
 * Puts commands on the SQS command queue in the {@link CommandCodec} format. The client may be
 * given as a supplier, asked on each send: the intent function builds its SQS client on the first
 * command, not at init (a GetTopLead cold start never needs it).
 */
public final class SqsCommandQueue implements CommandQueue {

  public static final String ATTR_TYPE = "type";
  public static final String ATTR_VERSION = "version";
  public static final String ATTR_COMMAND_ID = "commandId";

  private final Supplier<SqsClient> sqs;
  private final String queueUrl;
  private final CommandCodec codec;

  public SqsCommandQueue(SqsClient sqs, String queueUrl, CommandCodec codec) {
    this(() -> sqs, queueUrl, codec);
  }

  public SqsCommandQueue(Supplier<SqsClient> sqs, String queueUrl, CommandCodec codec) {
    this.sqs = sqs;
    this.queueUrl = queueUrl;
    this.codec = codec;
  }

  /**
   * @throws IllegalArgumentException when the encoded command holds a character SQS refuses in a
   *     message body (values are validated before they get here, so this is a bug, not an outage)
   * @throws StorageUnavailableException when SQS cannot take the message now
   */
  @Override
  public void send(CrmCommand command) {
    String body = checkedBody(codec.encode(command));
    try {
      sqs.get()
          .sendMessage(
              r ->
                  r.queueUrl(queueUrl)
                      .messageBody(body)
                      .messageAttributes(
                          Map.of(
                              ATTR_TYPE, string(CommandCodec.typeOf(command)),
                              ATTR_VERSION, number(CommandCodec.VERSION),
                              ATTR_COMMAND_ID, string(command.commandId()))));
    } catch (SdkException e) {
      throw new StorageUnavailableException("command queue unavailable", e);
    }
  }

  /**
   * The body, if SQS can carry it: only XML's Char production is allowed
   * (https://docs.aws.amazon.com/AWSSimpleQueueService/latest/APIReference/API_SendMessage.html);
   * SQS would answer InvalidMessageContents, which the SDK raises like any failure.
   */
  static String checkedBody(String body) {
    int bad = TextRules.firstNonXmlChar(body);
    if (bad >= 0) {
      throw new IllegalArgumentException(
          "the command holds a character SQS cannot carry, at index " + bad);
    }
    return body;
  }

  static MessageAttributeValue string(String value) {
    return MessageAttributeValue.builder().dataType("String").stringValue(value).build();
  }

  static MessageAttributeValue number(int value) {
    return MessageAttributeValue.builder()
        .dataType("Number")
        .stringValue(Integer.toString(value))
        .build();
  }
}
