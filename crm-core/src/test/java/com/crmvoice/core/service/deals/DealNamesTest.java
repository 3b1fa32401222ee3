package com.crmvoice.core.service.deals;

import static org.assertj.core.api.Assertions.assertThat;

import com.crmvoice.core.domain.deal.Deal;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class DealNamesTest {

  static Deal deal(String id, String name, String account) {
    return new Deal(
        id,
        "005A",
        name,
        account,
        "Prospecting",
        new BigDecimal("1000"),
        null,
        LocalDate.of(2026, 3, 10),
        null,
        null,
        null,
        null,
        null);
  }

  private final Deal acmeExpansion = deal("006A", "Acme expansion", "Acme Corporation");
  private final Deal acmeSupport = deal("006B", "Acme support renewal", "Acme Corporation");
  private final Deal northwind = deal("006C", "Northwind renewal", "Northwind Traders");
  private final Deal muller = deal("006D", "Müller-Service Ausbau", "Müller GmbH");
  private final Deal noAccount = deal("006E", "Big one", null);
  private final List<Deal> deals =
      List.of(acmeExpansion, acmeSupport, northwind, muller, noAccount);

  @Test
  void theWholeDealName_ignoringCaseFillersAndPunctuation() {
    assertThat(DealNames.matching(deals, "the ACME expansion deal")).containsExactly(acmeExpansion);
    assertThat(DealNames.matching(deals, "muller service ausbau")).containsExactly(muller);
  }

  @Test
  void anAccountWordNamesEveryDealOfThatAccount_soSeveralAreAmbiguous() {
    assertThat(DealNames.matching(deals, "Acme")).containsExactly(acmeExpansion, acmeSupport);
    assertThat(DealNames.matching(deals, "den Müller Deal")).containsExactly(muller);
  }

  @Test
  void wordsOfTheNameAndTheAccountTogether_narrowToOne() {
    assertThat(DealNames.matching(deals, "Northwind")).containsExactly(northwind);
    assertThat(DealNames.matching(deals, "the renewal")).containsExactly(acmeSupport, northwind);
    assertThat(DealNames.matching(deals, "Acme renewal")).containsExactly(acmeSupport);
    assertThat(DealNames.matching(deals, "Northwind Traders renewal")).containsExactly(northwind);
  }

  @Test
  void theWholeAccountNameWinsOverPartialMatches() {
    Deal traders = deal("006F", "Traders pilot", "Other");
    assertThat(DealNames.matching(List.of(northwind, traders), "Northwind Traders"))
        .containsExactly(northwind);
  }

  @Test
  void nothingSpoken_orAWordNoDealHas_matchesNothing() {
    assertThat(DealNames.matching(deals, "the deal")).isEmpty();
    assertThat(DealNames.matching(deals, "")).isEmpty();
    assertThat(DealNames.matching(deals, null)).isEmpty();
    assertThat(DealNames.matching(deals, "Globex")).isEmpty();
    assertThat(DealNames.matching(deals, "Acme pilot")).isEmpty();
  }
}
