package com.crmvoice.core.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A lead a user asked for, validated against Salesforce's field limits before it leaves the skill:
 * FirstName 40, LastName 80 (required), Company 255 (required), Email 80 and well formed, Phone 40.
 * Values are trimmed; blank optional values become null; a value with a control character, a lone
 * surrogate or a noncharacter is refused ({@link TextRules#isValueChar}).
 *
 * @throws InvalidLeadException from the constructor when any field breaks a rule; {@link
 *     #violations} answers the same question without throwing
 */
public record NewLead(
    String firstName, String lastName, String company, String email, String phone) {

  public static final int FIRST_NAME_MAX = 40;
  public static final int LAST_NAME_MAX = 80;
  public static final int COMPANY_MAX = 255;
  public static final int EMAIL_MAX = 80;
  public static final int PHONE_MAX = 40;

  // Deliberately plain: one @, a dot in the domain, no spaces. Salesforce applies its own check
  // and answers INVALID_EMAIL_ADDRESS for the rest.
  private static final Pattern EMAIL =
      Pattern.compile("^[A-Za-z0-9._%+'-]+@[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)*\\.[A-Za-z]{2,}$");
  private static final Pattern PHONE = Pattern.compile("^[+0-9][0-9 ()./-]*$");

  public NewLead {
    firstName = clean(firstName);
    lastName = clean(lastName);
    company = clean(company);
    email = clean(email);
    phone = clean(phone);
    List<FieldViolation> problems = violations(firstName, lastName, company, email, phone);
    if (!problems.isEmpty()) {
      throw new InvalidLeadException(problems);
    }
  }

  /** Everything wrong with these values, in field order; empty when they make a valid lead. */
  public static List<FieldViolation> violations(
      String firstName, String lastName, String company, String email, String phone) {
    List<FieldViolation> problems = new ArrayList<>();
    checkLength("firstName", clean(firstName), FIRST_NAME_MAX, false, problems);
    checkLength("lastName", clean(lastName), LAST_NAME_MAX, true, problems);
    checkLength("company", clean(company), COMPANY_MAX, true, problems);
    String mail = clean(email);
    if (checkLength("email", mail, EMAIL_MAX, false, problems)
        && mail != null
        && !EMAIL.matcher(mail).matches()) {
      problems.add(new FieldViolation("email", FieldViolation.Problem.MALFORMED, 0));
    }
    String tel = clean(phone);
    if (checkLength("phone", tel, PHONE_MAX, false, problems)
        && tel != null
        && !PHONE.matcher(tel).matches()) {
      problems.add(new FieldViolation("phone", FieldViolation.Problem.MALFORMED, 0));
    }
    return List.copyOf(problems);
  }

  /** First and last name as they are spoken. */
  public String fullName() {
    return firstName == null ? lastName : firstName + " " + lastName;
  }

  private static boolean checkLength(
      String field, String value, int max, boolean required, List<FieldViolation> problems) {
    if (value == null) {
      if (required) {
        problems.add(new FieldViolation(field, FieldViolation.Problem.REQUIRED, 0));
        return false;
      }
      return true;
    }
    // Before anything is queued: SQS refuses some of these in a message body, XML (so SSML) all.
    if (!TextRules.isCleanValue(value)) {
      problems.add(new FieldViolation(field, FieldViolation.Problem.INVALID_CHARACTERS, 0));
      return false;
    }
    if (value.codePointCount(0, value.length()) > max) {
      problems.add(new FieldViolation(field, FieldViolation.Problem.TOO_LONG, max));
      return false;
    }
    return true;
  }

  private static String clean(String value) {
    if (value == null) {
      return null;
    }
    String trimmed = value.strip();
    return trimmed.isEmpty() ? null : trimmed;
  }
}
