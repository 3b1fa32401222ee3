package com.crmvoice.core.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class LeadDigestTest {

  private static final Instant T = Instant.parse("2026-01-01T00:00:00Z");

  private static Lead lead(String id, String first, String last) {
    return new Lead(id, "005A", first, last, "Acme", null, null, "Open", T);
  }

  @Test
  void equalSetsGiveEqualDigests() {
    assertThat(LeadDigest.of(List.of(lead("1", "A", "B"))))
        .isEqualTo(LeadDigest.of(List.of(lead("1", "A", "B"))));
  }

  @Test
  void anyFieldOrderOrMembershipChangeGivesAnotherDigest() {
    String base = LeadDigest.of(List.of(lead("1", "A", "B"), lead("2", "C", "D")));

    assertThat(LeadDigest.of(List.of(lead("2", "C", "D"), lead("1", "A", "B")))).isNotEqualTo(base);
    assertThat(LeadDigest.of(List.of(lead("1", "A", "B")))).isNotEqualTo(base);
    assertThat(
            LeadDigest.of(List.of(lead("1", "A", "B"), lead("2", "C", "D").withStatus("Working"))))
        .isNotEqualTo(base);
    assertThat(LeadDigest.of(List.of(lead("1", "AB", "X"))))
        .isNotEqualTo(LeadDigest.of(List.of(lead("1", "A", "BX"))));
    assertThat(LeadDigest.EMPTY).isNotEqualTo(base);
  }
}
