package com.crmvoice.core.fakes;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class InMemoryWatermarkStoreTest {

  @Test
  void advanceNeverMovesTheWatermarkBack() {
    InMemoryWatermarkStore store = new InMemoryWatermarkStore();
    Instant later = Instant.parse("2026-01-02T00:00:00Z");

    store.advance(later);
    store.advance(later.minusSeconds(60));

    assertThat(store.load()).contains(later);
  }
}
