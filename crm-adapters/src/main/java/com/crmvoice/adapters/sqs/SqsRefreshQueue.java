package com.crmvoice.adapters.sqs;

import com.crmvoice.core.port.RefreshQueue;
import com.crmvoice.core.port.StorageUnavailableException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sqs.SqsClient;

/** Asks the cache refresher for a per-owner pass: {@code {"version":1,"ownerId":"..."}}. */
public final class SqsRefreshQueue implements RefreshQueue {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final SqsClient sqs;
  private final String queueUrl;

  public SqsRefreshQueue(SqsClient sqs, String queueUrl) {
    this.sqs = sqs;
    this.queueUrl = queueUrl;
  }

  @Override
  public void requestRefresh(String ownerId) {
    try {
      sqs.sendMessage(r -> r.queueUrl(queueUrl).messageBody(encode(ownerId)));
    } catch (SdkException e) {
      throw new StorageUnavailableException("refresh queue unavailable", e);
    }
  }

  public static String encode(String ownerId) {
    return JSON.createObjectNode().put("version", 1).put("ownerId", ownerId).toString();
  }

  /**
   * The owner id of a refresh request.
   *
   * @throws com.crmvoice.adapters.codec.MalformedCommandException when the body is not one
   */
  public static String ownerIdOf(String body) {
    try {
      JsonNode node = JSON.readTree(body);
      if (node != null
          && node.path("version").asInt() == 1
          && node.path("ownerId").isTextual()
          && !node.path("ownerId").asText().isBlank()) {
        return node.path("ownerId").asText();
      }
    } catch (Exception e) {
      throw new com.crmvoice.adapters.codec.MalformedCommandException(
          "refresh request is not JSON");
    }
    throw new com.crmvoice.adapters.codec.MalformedCommandException(
        "refresh request has no version 1 ownerId");
  }
}
