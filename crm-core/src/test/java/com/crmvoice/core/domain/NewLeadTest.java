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
}
