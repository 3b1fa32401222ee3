package com.crmvoice.adapters.dynamodb;

import com.crmvoice.core.port.StorageUnavailableException;
import java.util.List;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * A DynamoDB SDK failure as the ports' {@link StorageUnavailableException}: the reason names the
 * exception (and a cancelled transaction's reason codes), never an item's content.
 */
final class StorageFailures {

  private StorageFailures() {}

  /**
   * @param store what failed, as the reason names it ("lead cache")
   */
  static StorageUnavailableException unavailable(String store, SdkException e) {
    String detail =
        e instanceof TransactionCanceledException cancelled && cancelled.hasCancellationReasons()
            ? "TransactionCanceledException " + reasons(cancelled)
            : e.getClass().getSimpleName();
    return new StorageUnavailableException(store + " unavailable: " + detail, e);
  }

  static List<String> reasons(TransactionCanceledException e) {
    return e.hasCancellationReasons()
        ? e.cancellationReasons().stream().map(CancellationReason::code).toList()
        : List.of();
  }
}
