package com.crmvoice.core.service.refresher;

import static org.assertj.core.api.Assertions.assertThat;

import com.crmvoice.core.port.CrmRejectedException;
import com.crmvoice.core.port.CrmUnavailableException;
import com.crmvoice.core.port.StorageUnavailableException;
import com.crmvoice.core.service.refresher.RefreshRequests.Message;
import com.crmvoice.core.service.refresher.RefreshRequests.Outcome;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RefreshRequestsTest {

  private final List<String> passes = new ArrayList<>();

  /** Bodies here are the owner id itself; "bad" is not a refresh request. */
  private RefreshRequests requests(Set<String> down, Set<String> refused) {
    return new RefreshRequests(
        owner -> {
          if (down.contains(owner)) {
            throw new CrmUnavailableException("SERVER_UNAVAILABLE", "503");
          }
          if (refused.contains(owner)) {
            throw new CrmRejectedException("INVALID_CROSS_REFERENCE_KEY", "no such user");
          }
          if (owner.equals("005CACHEDOWN")) {
            throw new StorageUnavailableException("throttled", null);
          }
          passes.add(owner);
        },
        body -> {
          if (body.equals("bad")) {
            throw new CrmRejectedException("MALFORMED", "not a refresh request");
          }
          return body;
        });
  }

  @Test
  void runsOnePassPerDistinctOwner() {
    Outcome outcome =
        requests(Set.of(), Set.of())
            .handle(
                List.of(
                    new Message("m1", "005A"),
                    new Message("m2", "005B"),
                    new Message("m3", "005A")));

    assertThat(passes).containsExactly("005A", "005B");
    assertThat(outcome.failedMessageIds()).isEmpty();
    assertThat(outcome.owners()).isEqualTo(2);
  }

  @Test
  void redeliversEveryMessageOfAnOwnerTheCrmOrCacheCouldNotServe() {
    Outcome outcome =
        requests(Set.of("005DOWN"), Set.of())
            .handle(
                List.of(
                    new Message("m1", "005DOWN"),
                    new Message("m2", "005B"),
                    new Message("m3", "005DOWN"),
                    new Message("m4", "005CACHEDOWN")));

    assertThat(outcome.failedMessageIds()).containsExactlyInAnyOrder("m1", "m3", "m4");
    assertThat(passes).containsExactly("005B");
  }

  @Test
  void dropsWhatRetryingCannotFix_unreadableImpossibleOrRefusedOwners() {
    Outcome outcome =
        requests(Set.of(), Set.of("005GONE"))
            .handle(
                List.of(
                    new Message("m1", "bad"),
                    new Message("m2", "#refresher"),
                    new Message("m3", "005GONE"),
                    new Message("m4", "005OK")));

    assertThat(outcome.failedMessageIds()).isEmpty();
    assertThat(outcome.dropped()).isEqualTo(3);
    assertThat(passes).containsExactly("005OK");
  }
}
