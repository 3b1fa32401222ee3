package com.crmvoice.core.service.skill;

import static org.assertj.core.api.Assertions.assertThat;

import com.crmvoice.core.domain.FieldViolation;
import com.crmvoice.core.domain.FieldViolation.Problem;
import com.crmvoice.core.domain.NewLead;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LeadDraftTest {

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "john dot smith at acme dot com|john.smith@acme.com",
        "John.Smith@Acme.com|john.smith@acme.com",
        "j o h n at acme dot co dot uk|john@acme.co.uk",
        "mary underscore jones at example dot org|mary_jones@example.org",
        "max punkt mustermann ät beispiel punkt de|max.mustermann@beispiel.de",
        "anna minus lena klammeraffe firma punkt de|anna-lena@firma.de",
        "bob plus crm at mail dot com|bob+crm@mail.com"
      })
  void normalisesSpokenEmails(String spoken, String written) {
    assertThat(SpokenEmail.normalise(spoken)).isEqualTo(written);
  }

  @Test
  void aBlankEmailIsNoEmail() {
    assertThat(SpokenEmail.normalise("  ")).isNull();
  }

  @Test
  void reportsAMalformedEmail() {
    LeadDraft draft = LeadDraft.of("John", "Smith", "Acme", "john at acme", null, false);

    assertThat(draft.firstViolation()).contains(new FieldViolation("email", Problem.MALFORMED, 0));
  }

  @Test
  void reportsATooLongCompany_withTheCrmLimit() {
    LeadDraft draft = LeadDraft.of(null, "Smith", "x".repeat(256), null, null, false);

    assertThat(draft.firstViolation())
        .contains(new FieldViolation("company", Problem.TOO_LONG, NewLead.COMPANY_MAX));
  }

  @Test
  void missingRequiredValuesAreReportedOnlyOnceComplete() {
    assertThat(LeadDraft.of("John", null, null, null, null, false).violations()).isEmpty();
    assertThat(LeadDraft.of("John", null, null, null, null, true).violations())
        .extracting(FieldViolation::field)
        .containsExactly("lastName", "company");
  }

  @Test
  void aValidDraftMakesTheLead() {
    LeadDraft draft =
        LeadDraft.of(
            "John", "Smith", "Acme", "john dot smith at acme dot com", "+1 555 0100", true);

    assertThat(draft.violations()).isEmpty();
    assertThat(draft.toNewLead())
        .isEqualTo(new NewLead("John", "Smith", "Acme", "john.smith@acme.com", "+1 555 0100"));
  }
}
