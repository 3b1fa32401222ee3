package com.crmvoice.core.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.crmvoice.core.domain.FieldViolation.Problem;
import org.junit.jupiter.api.Test;

class NewLeadTest {

  @Test
  void trimsValuesAndTurnsBlankOptionalsIntoNull() {
    NewLead lead = new NewLead("  John ", " Smith ", " Acme ", "  ", "");

    assertThat(lead.firstName()).isEqualTo("John");
    assertThat(lead.lastName()).isEqualTo("Smith");
    assertThat(lead.company()).isEqualTo("Acme");
    assertThat(lead.email()).isNull();
    assertThat(lead.phone()).isNull();
    assertThat(lead.fullName()).isEqualTo("John Smith");
  }

  @Test
  void requiresLastNameAndCompany() {
    assertThat(NewLead.violations("John", " ", null, null, null))
        .containsExactly(
            new FieldViolation("lastName", Problem.REQUIRED, 0),
            new FieldViolation("company", Problem.REQUIRED, 0));
  }

  @Test
  void enforcesSalesforceFieldLimitsInCodePoints() {
    String fortyOne = "a".repeat(41);
    String eighty = "😀".repeat(80);

    assertThat(NewLead.violations(fortyOne, eighty, "x".repeat(256), null, "1".repeat(41)))
        .containsExactly(
            new FieldViolation("firstName", Problem.TOO_LONG, 40),
            new FieldViolation("company", Problem.TOO_LONG, 255),
            new FieldViolation("phone", Problem.TOO_LONG, 40));
  }

  @Test
  void rejectsMalformedAndOverlongEmail() {
    assertThat(NewLead.violations(null, "Smith", "Acme", "john at acme", null))
        .containsExactly(new FieldViolation("email", Problem.MALFORMED, 0));
    String longMail = "a".repeat(75) + "@acme.com";
    assertThat(NewLead.violations(null, "Smith", "Acme", longMail, null))
        .containsExactly(new FieldViolation("email", Problem.TOO_LONG, 80));
    assertThat(
            NewLead.violations(null, "Smith", "Acme", "john.smith@acme.co.uk", "+1 (555) 010-9999"))
        .isEmpty();
  }

  @Test
  void constructorThrowsWithEveryViolation() {
    assertThatThrownBy(() -> new NewLead(null, null, null, "nope", "call me"))
        .isInstanceOf(InvalidLeadException.class)
        .satisfies(
            e ->
                assertThat(((InvalidLeadException) e).violations())
                    .extracting(FieldViolation::field)
                    .containsExactly("lastName", "company", "email", "phone"));
  }

  @Test
  void refusesControlCharactersLoneSurrogatesAndNoncharacters_beforeAnythingIsQueued() {
    for (String bad :
        new String[] {
          "Nul\u0000l",
          "Be\u0007ll",
          "Vertical\u000Btab",
          "Esc\u001B[0m",
          "Tab\tbed",
          "Line\nbreak",
          "Del\u007F",
          "C1\u0085",
          "Non\uFFFE",
          "Non\uFFFF",
          "Lone\uD800",
          "Lone\uDC00x",
          "Nonchar\uFDD0",
          "Plane\uD83F\uDFFF"
        }) {
      assertThat(NewLead.violations(null, bad, "Acme", null, null))
          .as(bad.codePoints().mapToObj(Integer::toHexString).toList().toString())
          .containsExactly(new FieldViolation("lastName", Problem.INVALID_CHARACTERS, 0));
    }
    assertThatThrownBy(() -> new NewLead("Ada", "Love\uFFFFlace", "Acme", null, null))
        .isInstanceOf(InvalidLeadException.class);
    // Trimmed whitespace, emoji (a valid surrogate pair) and accents are fine.
    assertThat(NewLead.violations("\tZoë\n", "O'Brien 😀", "Ünïcödé & Co", null, null)).isEmpty();
  }
}
