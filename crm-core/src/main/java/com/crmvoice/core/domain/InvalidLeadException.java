package com.crmvoice.core.domain;

import java.util.List;

/**
 * Thrown when a {@link NewLead} would break the CRM's rules. Permanent: asking again won't help.
 */
public final class InvalidLeadException extends PermanentException {
  private static final long serialVersionUID = 1L;

  private final List<FieldViolation> violations;

  public InvalidLeadException(List<FieldViolation> violations) {
    super("invalid lead: " + violations);
    this.violations = List.copyOf(violations);
  }

  public List<FieldViolation> violations() {
    return violations;
  }
}
