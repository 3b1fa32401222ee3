package com.crmvoice.core.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * A lead as the CRM holds it: the fields a salesperson hears read out, and what the cache needs to
 * order and own it.
 *
 * @param id the CRM's record id (for Salesforce, the 18-character Id)
 * @param ownerId the CRM user who owns the lead
 * @param firstName may be null: the CRM does not require it
 * @param lastName never blank
 * @param company may be null for CRMs that do not require it
 * @param email may be null
 * @param phone may be null
 * @param status the CRM's lead status, for example "Open - Not Contacted"
 * @param createdAt when the CRM created the lead; the oldest open lead is the top lead
 */
public record Lead(
    String id,
    String ownerId,
    String firstName,
    String lastName,
    String company,
    String email,
    String phone,
    String status,
    Instant createdAt) {

  public Lead {
    requireText(id, "id");
    requireText(ownerId, "ownerId");
    requireText(lastName, "lastName");
    Objects.requireNonNull(createdAt, "createdAt");
  }

  /** First and last name as they are spoken: "John Smith", or "Smith" without a first name. */
  public String fullName() {
    return firstName == null || firstName.isBlank() ? lastName : firstName + " " + lastName;
  }

  /** The same lead under another owner, as after a reassignment in the CRM. */
  public Lead withOwner(String newOwnerId) {
    return new Lead(id, newOwnerId, firstName, lastName, company, email, phone, status, createdAt);
  }

  /** The same lead with another status. */
  public Lead withStatus(String newStatus) {
    return new Lead(id, ownerId, firstName, lastName, company, email, phone, newStatus, createdAt);
  }

  private static void requireText(String value, String name) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(name + " must not be blank");
    }
  }
}
