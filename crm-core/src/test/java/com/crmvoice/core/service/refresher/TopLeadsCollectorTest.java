package com.crmvoice.core.service.refresher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.crmvoice.core.domain.Lead;
import com.crmvoice.core.service.refresher.TopLeadsCollector.OwnerTop;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TopLeadsCollectorTest {

  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

  private static Lead lead(String owner, String id, int minutes) {
    return new Lead(
        id, owner, "Ada", "Lovelace", "Acme", null, null, "Open", T0.plusSeconds(60L * minutes));
  }

  private static List<String> ids(OwnerTop top) {
    return top.leads().stream().map(Lead::id).toList();
  }

  @Test
  void keepsTheOldestNOfEachOwner_whateverTheOrderWithinTheOwner() {
    List<OwnerTop> tops = new ArrayList<>();
    TopLeadsCollector collector = new TopLeadsCollector(2, tops::add);

    collector.accept(lead("A", "a3", 30));
    collector.accept(lead("A", "a1", 10));
    collector.accept(lead("A", "a4", 40));
    collector.accept(lead("A", "a2", 20));
    collector.accept(lead("B", "b1", 5));
    collector.finish();

    assertThat(tops).hasSize(2);
    assertThat(ids(tops.get(0))).containsExactly("a1", "a2");
    assertThat(tops.get(0).openLeads()).isEqualTo(4);
    assertThat(ids(tops.get(1))).containsExactly("b1");
    assertThat(collector.leadsRead()).isEqualTo(5);
    assertThat(collector.owners()).isEqualTo(2);
  }

  @Test
  void breaksTiesOnCreationTimeById() {
    List<OwnerTop> tops = new ArrayList<>();
    TopLeadsCollector collector = new TopLeadsCollector(2, tops::add);

    collector.accept(lead("A", "a9", 10));
    collector.accept(lead("A", "a5", 10));
    collector.accept(lead("A", "a7", 10));
    collector.finish();

    assertThat(ids(tops.get(0))).containsExactly("a5", "a7");
  }

  @Test
  void handsAnOwnerOverOnlyWhenTheStreamMovesToTheNextOwner() {
    List<OwnerTop> tops = new ArrayList<>();
    TopLeadsCollector collector = new TopLeadsCollector(5, tops::add);

    collector.accept(lead("A", "a1", 1));
    collector.accept(lead("A", "a2", 2));
    assertThat(tops).isEmpty();

    collector.accept(lead("B", "b1", 1));
    assertThat(tops).extracting(OwnerTop::ownerId).containsExactly("A");
  }

  @Test
  void neverHandsOverTheOwnerInProgress_whenTheStreamBreaksOff() {
    List<OwnerTop> tops = new ArrayList<>();
    TopLeadsCollector collector = new TopLeadsCollector(5, tops::add);

    collector.accept(lead("A", "a1", 1));
    collector.accept(lead("B", "b1", 1));
    // the stream fails here: finish() is never called

    assertThat(tops).extracting(OwnerTop::ownerId).containsExactly("A");
  }

  @Test
  void refusesAnOwnerThatComesBackAfterAnother() {
    TopLeadsCollector collector = new TopLeadsCollector(5, top -> {});
    collector.accept(lead("A", "a1", 1));
    collector.accept(lead("B", "b1", 1));

    assertThatThrownBy(() -> collector.accept(lead("A", "a2", 2)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("not grouped by owner");
  }

  @Test
  void keepsOneCopyOfALeadSeenTwice() {
    List<OwnerTop> tops = new ArrayList<>();
    TopLeadsCollector collector = new TopLeadsCollector(3, tops::add);

    collector.accept(lead("A", "a1", 1));
    collector.accept(lead("A", "a1", 1));
    collector.accept(lead("A", "a2", 2));
    collector.finish();

    assertThat(ids(tops.get(0))).containsExactly("a1", "a2");
  }

  @Test
  void anEmptyStreamHandsOverNothing() {
    List<OwnerTop> tops = new ArrayList<>();
    TopLeadsCollector collector = new TopLeadsCollector(3, tops::add);

    collector.finish();

    assertThat(tops).isEmpty();
  }
}
