package com.crmvoice.adapters.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.crmvoice.core.domain.UpdateOpportunity;
import com.crmvoice.core.domain.deal.DealChanges;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** UpdateOpportunity in the command format: every field round-trips, amounts stay exact. */
class DealCommandCodecTest {

  private final CommandCodec codec = new CommandCodec();

  private static UpdateOpportunity update(DealChanges changes, Instant heard) {
    return new UpdateOpportunity(
        "cmd-1",
        "005000000000001AAA",
        "006000000000001AAA",
        "Acme \"expansion\"",
        "Prospecting",
        new BigDecimal("42500.10"),
        LocalDate.of(2026, 12, 5),
        null,
        heard,
        changes,
        Instant.parse("2026-12-02T10:00:00Z"));
  }

  @Test
  void everyFieldRoundTrips() {
    UpdateOpportunity stage =
        update(DealChanges.stage("Negotiation/Review"), Instant.parse("2026-12-01T08:00:00Z"));
    UpdateOpportunity all =
        update(
            new DealChanges(
                "Closed Won", new BigDecimal("50000.00"), LocalDate.of(2027, 1, 8), "Sign"),
            null);

    assertThat(codec.decode(codec.encode(stage))).isEqualTo(stage);
    assertThat(codec.decode(codec.encode(all))).isEqualTo(all);
    assertThat(codec.encode(all)).contains("\"amount\":\"50000.00\"").contains("\"version\":1");
  }

  @Test
  void aMessageWithoutWhatToSetOrWithABadAmountIsMalformed() {
    String good = codec.encode(update(DealChanges.stage("Closed Won"), null));

    assertThatThrownBy(
            () -> codec.decode(good.replace("\"set\":{\"stage\":\"Closed Won\"}", "\"set\":{}")))
        .isInstanceOf(MalformedCommandException.class);
    assertThatThrownBy(() -> codec.decode(good.replace("\"42500.10\"", "\"lots\"")))
        .isInstanceOf(MalformedCommandException.class);
    assertThatThrownBy(() -> codec.decode(good.replace("\"deal\"", "\"lead\"")))
        .isInstanceOf(MalformedCommandException.class);
  }
}
