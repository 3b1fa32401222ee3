package com.crmvoice.adapters.dataverse;

import com.crmvoice.adapters.dataverse.DataverseHttp.Answer;
import com.crmvoice.core.port.CrmGateway.UpdateResult;
import com.crmvoice.core.port.CrmRejectedException;
import com.crmvoice.core.port.CrmUnavailableException;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The conditional writes (PATCH with If-Match) of a batch of update requests, as the lead, task and
 * opportunity updates send them: one {@code $batch} for the requests a read decided to write, each
 * answer mapped back onto its request.
 */
final class ConditionalWrites {

  private ConditionalWrites() {}

  /**
   * Sends the writes and fills in the results of the requests at {@code written} (indexes into
   * {@code results}; the others keep what the read decided). A {@code $batch} that fails as a whole
   * is thrown when every request was to be written (the call fails as one), else it makes each
   * written request retryable.
   */
  static <A> List<UpdateResult> send(
      UpdateResult[] results,
      List<Integer> written,
      Supplier<List<A>> batch,
      Function<A, UpdateResult> result) {
    if (written.isEmpty()) {
      return List.of(results);
    }
    List<A> answers;
    try {
      answers = batch.get();
    } catch (CrmUnavailableException e) {
      if (written.size() == results.length) {
        throw e;
      }
      for (int i : written) {
        results[i] = new UpdateResult.Retryable(e.errorCode(), e.getMessage());
      }
      return List.of(results);
    }
    for (int n = 0; n < answers.size(); n++) {
      results[written.get(n)] = result.apply(answers.get(n));
    }
    return List.of(results);
  }

  /**
   * One conditional write's answer: 2xx written; 412 (If-Match failed) the row changed since it was
   * read; 404 the row is gone; else Dataverse's error body, retryable or permanent by its class.
   */
  static UpdateResult result(
      Answer answer,
      String changedCode,
      String changedMessage,
      String notFoundCode,
      String notFoundMessage) {
    int status = answer.status();
    if (status == 204 || status == 200) {
      return new UpdateResult.Updated(true, null);
    }
    if (status == 412) {
      return new UpdateResult.Rejected(changedCode, changedMessage);
    }
    if (status == 404) {
      return new UpdateResult.Rejected(notFoundCode, notFoundMessage);
    }
    RuntimeException failure = DataverseHttp.failure(answer);
    if (failure instanceof CrmUnavailableException e) {
      return new UpdateResult.Retryable(e.errorCode(), e.getMessage());
    }
    CrmRejectedException e = (CrmRejectedException) failure;
    return new UpdateResult.Rejected(e.errorCode(), e.getMessage());
  }
}
