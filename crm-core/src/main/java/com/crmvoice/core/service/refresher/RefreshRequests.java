package com.crmvoice.core.service.refresher;

import com.crmvoice.core.domain.PermanentException;
import com.crmvoice.core.domain.RetryableException;
import com.crmvoice.core.port.CrmRejectedException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A batch of "refresh this owner" requests from the refresh queue: one owner pass per distinct
 * owner, whatever the number of requests for it. A request that cannot be read, or names an
 * impossible owner, and an owner the CRM refuses, are dropped and logged: retrying cannot fix them,
 * and the next cache miss asks again. An outage (CRM or cache) or an unexpected failure reports the
 * owner's messages for redelivery, so the queue's redrive policy parks what keeps failing.
 */
public final class RefreshRequests {

  private static final Logger LOG = LoggerFactory.getLogger(RefreshRequests.class);

  // CRM user ids are alphanumeric; keys starting with '#' are the cache's own items (the
  // watermark), never an owner.
  private static final Pattern OWNER_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.:@-]{0,99}");

  /** One message of the batch. */
  public record Message(String messageId, String body) {}

  /**
   * What became of the batch.
   *
   * @param failedMessageIds to be redelivered (SQS batch item failures)
   * @param owners distinct owners asked for
   * @param dropped messages acknowledged without a pass
   */
  public record Outcome(List<String> failedMessageIds, int owners, int dropped) {
    public Outcome {
      failedMessageIds = List.copyOf(failedMessageIds);
    }
  }

  private final Consumer<String> ownerPass;
  private final Function<String, String> ownerIdOf;

  /**
   * @param ownerPass refreshes one owner ({@link CacheRefresher#ownerPass})
   * @param ownerIdOf reads the owner id from a message body; throws a {@link PermanentException}
   *     for a body that is not a refresh request
   */
  public RefreshRequests(Consumer<String> ownerPass, Function<String, String> ownerIdOf) {
    this.ownerPass = ownerPass;
    this.ownerIdOf = ownerIdOf;
  }

  public Outcome handle(List<Message> messages) {
    Map<String, List<String>> messagesByOwner = new LinkedHashMap<>();
    int dropped = 0;
    for (Message message : messages) {
      String reason;
      try {
        String ownerId = ownerIdOf.apply(message.body());
        if (ownerId != null && OWNER_ID.matcher(ownerId).matches()) {
          messagesByOwner.computeIfAbsent(ownerId, k -> new ArrayList<>()).add(message.messageId());
          continue;
        }
        reason = "refresh request has an impossible ownerId";
      } catch (PermanentException e) {
        reason = e.getMessage();
      }
      dropped++;
      LOG.warn("refresh message dropped messageId={} reason={}", message.messageId(), reason);
    }
    List<String> failed = new ArrayList<>();
    for (Map.Entry<String, List<String>> entry : messagesByOwner.entrySet()) {
      try {
        ownerPass.accept(entry.getKey());
      } catch (CrmRejectedException e) {
        dropped += entry.getValue().size();
        LOG.warn(
            "refresh message dropped ownerId={} reason=crm-rejected code={}",
            entry.getKey(),
            e.errorCode());
      } catch (RetryableException e) {
        failed.addAll(entry.getValue());
      } catch (RuntimeException e) {
        LOG.error("refresh of ownerId={} failed unexpectedly", entry.getKey(), e);
        failed.addAll(entry.getValue());
      }
    }
    failed.removeIf(id -> id == null);
    LOG.info(
        "refresh batch messages={} owners={} dropped={} failed={}",
        messages.size(),
        messagesByOwner.size(),
        dropped,
        failed.size());
    return new Outcome(failed, messagesByOwner.size(), dropped);
  }
}
