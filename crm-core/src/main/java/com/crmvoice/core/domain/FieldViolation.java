package com.crmvoice.core.domain;

import java.util.Objects;

/**
 * Why one field of a {@link NewLead} cannot go to the CRM.
 *
 * @param field the field name as {@link NewLead} spells it ("lastName", "email", ...)
 * @param problem what is wrong with it
 * @param limit the maximum length, for {@link Problem#TOO_LONG}; 0 otherwise
 */
public record FieldViolation(String field, Problem problem, int limit) {

  /** What is wrong with a field. */
  public enum Problem {
    REQUIRED,
    TOO_LONG,
    MALFORMED,
    /** Holds a control character or another code point no value may carry ({@link TextRules}). */
    INVALID_CHARACTERS
  }

  public FieldViolation {
    Objects.requireNonNull(field, "field");
    Objects.requireNonNull(problem, "problem");
  }
}
