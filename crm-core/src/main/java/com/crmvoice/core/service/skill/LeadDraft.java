package com.crmvoice.core.service.skill;

import com.crmvoice.core.domain.FieldViolation;
import com.crmvoice.core.domain.NewLead;
import java.util.List;
import java.util.Optional;

/**
 * A lead as far as the dialog has collected it, with the email in written form and what is wrong
 * with each value so far. Missing required values are not reported while the dialog still runs:
 * Alexa asks for them.
 *
 * @param firstName may be null
 * @param lastName may be null while being collected
 * @param company may be null while being collected
 * @param email written form (see {@link SpokenEmail}), may be null
 * @param phone may be null
 * @param violations problems with the values given, in field order
 */
public record LeadDraft(
    String firstName,
    String lastName,
    String company,
    String email,
    String phone,
    List<FieldViolation> violations) {

  public LeadDraft {
    violations = List.copyOf(violations);
  }

  /**
   * Checks spoken values against the CRM's limits ({@link NewLead}).
   *
   * @param complete true once every value is in: then missing required values are violations too
   */
  public static LeadDraft of(
      String firstName,
      String lastName,
      String company,
      String spokenEmail,
      String phone,
      boolean complete) {
    String email = SpokenEmail.normalise(spokenEmail);
    List<FieldViolation> all = NewLead.violations(firstName, lastName, company, email, phone);
    List<FieldViolation> shown =
        complete
            ? all
            : all.stream().filter(v -> v.problem() != FieldViolation.Problem.REQUIRED).toList();
    return new LeadDraft(
        blankToNull(firstName),
        blankToNull(lastName),
        blankToNull(company),
        email,
        blankToNull(phone),
        shown);
  }

  /** The first problem, the one to ask about again. */
  public Optional<FieldViolation> firstViolation() {
    return violations.isEmpty() ? Optional.empty() : Optional.of(violations.get(0));
  }

  /** The validated lead; only when {@link #violations} is empty and the draft is complete. */
  public NewLead toNewLead() {
    return new NewLead(firstName, lastName, company, email, phone);
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }
}
