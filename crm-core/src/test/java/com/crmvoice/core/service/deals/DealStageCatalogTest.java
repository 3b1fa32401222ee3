package com.crmvoice.core.service.deals;

import static org.assertj.core.api.Assertions.assertThat;

import com.crmvoice.core.domain.deal.DealStage;
import com.crmvoice.core.port.CrmUnavailableException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class DealStageCatalogTest {

  private static final Map<String, List<String>> EN =
      Map.of(
          "CLOSED_WON", List.of("closed won", "closed one", "close won"),
          "NEGOTIATION", List.of("negotiation", "negotiating"));
  private static final Map<String, List<String>> DE =
      Map.of("NEGOTIATION", List.of("Verhandlung"), "CLOSED_WON", List.of("gewonnen"));

  private final MutableClock clock = new MutableClock();
  private final AtomicInteger reads = new AtomicInteger();
  private List<DealStage> org = DealStageCatalog.STANDARD;
  private boolean down;

  private final DealStageCatalog catalog =
      new DealStageCatalog(
          () -> {
            reads.incrementAndGet();
            if (down) {
              throw new CrmUnavailableException("DOWN", "down");
            }
            return org;
          },
          clock,
          Duration.ofHours(1));

  private String resolved(String key, String spoken, Map<String, List<String>> aliases) {
    return catalog.resolve(key, spoken, aliases).map(DealStage::value).orElse(null);
  }

  @Test
  void theModelsKeyNamesTheOrgsValue() {
    assertThat(resolved("NEGOTIATION", "whatever", EN)).isEqualTo("Negotiation/Review");
    assertThat(resolved("PROPOSAL", null, EN)).isEqualTo("Proposal/Price Quote");
    assertThat(resolved("DECISION_MAKERS", null, EN)).isEqualTo("Id. Decision Makers");
  }

  @Test
  void aValueSaidWordForWord_ignoringCaseAndPunctuation() {
    assertThat(resolved(null, "negotiation review", EN)).isEqualTo("Negotiation/Review");
    assertThat(resolved(null, "id decision makers", EN)).isEqualTo("Id. Decision Makers");
    assertThat(resolved(null, "CLOSED LOST", EN)).isEqualTo("Closed Lost");
  }

  @Test
  void recognitionSlipsAndLocaleAliases() {
    assertThat(resolved(null, "closed one", EN)).isEqualTo("Closed Won");
    assertThat(resolved(null, "Close won", EN)).isEqualTo("Closed Won");
    assertThat(resolved(null, "verhandlung", DE)).isEqualTo("Negotiation/Review");
    assertThat(resolved(null, "Gewonnen", DE)).isEqualTo("Closed Won");
    // An English alias is not German.
    assertThat(resolved(null, "negotiating", DE)).isNull();
  }

  @Test
  void theStartOfExactlyOneStage() {
    assertThat(resolved(null, "proposal", Map.of())).isEqualTo("Proposal/Price Quote");
    assertThat(resolved(null, "negotiation", Map.of())).isEqualTo("Negotiation/Review");
    // "closed" starts two stages: not a stage.
    assertThat(resolved(null, "closed", Map.of())).isNull();
    assertThat(resolved(null, "banana", EN)).isNull();
    assertThat(resolved(null, "", EN)).isNull();
  }

  @Test
  void aCustomPicklistIsTheTruth_aKeyWithoutItsValueIsNotAStage() {
    org =
        List.of(
            new DealStage("Discovery", null, 1, 20, "Pipeline", false, false),
            new DealStage("Negotiation", "Negotiating terms", 2, 80, "Commit", false, false),
            new DealStage("Won", null, 3, 100, "Closed", true, true));
    assertThat(resolved("NEGOTIATION", null, EN)).isEqualTo("Negotiation");
    assertThat(resolved("NEEDS_ANALYSIS", null, EN)).isEqualTo("Discovery");
    assertThat(resolved(null, "closed one", EN)).isEqualTo("Won");
    assertThat(resolved("PROSPECTING", null, EN)).isNull();
    assertThat(resolved(null, "negotiating terms", EN)).isEqualTo("Negotiation");
    assertThat(catalog.openLabels()).containsExactly("Discovery", "Negotiating terms");
  }

  @Test
  void readOncePerTtl_andTheLastKnownWhenTheCrmIsDown() {
    catalog.stages();
    catalog.stages();
    assertThat(reads).hasValue(1);
    org = new ArrayList<>(List.of(new DealStage("Only", null, 1, 5, "Pipeline", false, false)));
    clock.advance(Duration.ofMinutes(61));
    assertThat(catalog.stages()).extracting(DealStage::value).containsExactly("Only");
    down = true;
    clock.advance(Duration.ofMinutes(61));
    assertThat(catalog.stages()).extracting(DealStage::value).containsExactly("Only");
    assertThat(reads).hasValue(3);
    catalog.stages();
    assertThat(reads).as("not asked again at once").hasValue(3);
    clock.advance(Duration.ofMinutes(2));
    catalog.stages();
    assertThat(reads).as("asked again after a minute").hasValue(4);
  }

  @Test
  void theStandardStagesStandBeforeTheFirstAnswer() {
    down = true;
    assertThat(catalog.stages()).isEqualTo(DealStageCatalog.STANDARD);
  }

  static final class MutableClock extends Clock {
    private Instant now = Instant.parse("2026-12-02T10:00:00Z");

    void advance(Duration d) {
      now = now.plus(d);
    }

    @Override
    public Instant instant() {
      return now;
    }

    @Override
    public java.time.ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }
  }
}
