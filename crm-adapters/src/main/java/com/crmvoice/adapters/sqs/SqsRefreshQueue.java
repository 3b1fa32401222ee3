package com.crmvoice.adapters.sqs;

import com.crmvoice.adapters.codec.RefreshMessageCodec;
import com.crmvoice.core.port.RefreshQueue;
import com.crmvoice.core.port.StorageUnavailableException;
import java.util.function.Supplier;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * Asks the cache refresher for a per-owner pass, in the {@link RefreshMessageCodec} format. The
 * client may be given as a supplier, asked on each request (built on first use, not at init).
 */
public final class SqsRefreshQueue implements RefreshQueue {

  private final RefreshMessageCodec codec = new RefreshMessageCodec();
  private final Supplier<SqsClient> sqs;
  private final String queueUrl;

  public SqsRefreshQueue(SqsClient sqs, String queueUrl) {
    this(() -> sqs, queueUrl);
  }

  public SqsRefreshQueue(Supplier<SqsClient> sqs, String queueUrl) {
    this.sqs = sqs;
    this.queueUrl = queueUrl;
  }

  @Override
  public void requestRefresh(String ownerId) {
    try {
      sqs.get().sendMessage(r -> r.queueUrl(queueUrl).messageBody(codec.encode(ownerId)));
    } catch (SdkException e) {
      throw new StorageUnavailableException("refresh queue unavailable", e);
    }
  }
}
