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
 * @param lastModifiedAt when the CRM last changed the lead (its version, for conditional updates);
 *     null when not known
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
    Instant createdAt,
    Instant lastModifiedAt) {

  /** The longest status value the CRM's picklist holds. */
  public static final int STATUS_MAX = 255;

  /** A lead whose version is not known. */
  public Lead(
      String id,
      String ownerId,
      String firstName,
      String lastName,
      String company,
      String email,
      String phone,
      String status,
      Instant createdAt) {
    this(id, ownerId, firstName, lastName, company, email, phone, status, createdAt, null);
  }

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
    return new Lead(
        id,
        newOwnerId,
        firstName,
        lastName,
        company,
        email,
        phone,
        status,
        createdAt,
        lastModifiedAt);
  }

  /** The same lead with another status. */
  public Lead withStatus(String newStatus) {
    return new Lead(
        id,
        ownerId,
        firstName,
        lastName,
        company,
        email,
        phone,
        newStatus,
        createdAt,
        lastModifiedAt);
  }

  /** The same lead with another status and version, as after an update in the CRM. */
  public Lead withStatus(String newStatus, Instant modifiedAt) {
    return new Lead(
        id, ownerId, firstName, lastName, company, email, phone, newStatus, createdAt, modifiedAt);
  }

  private static void requireText(String value, String name) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(name + " must not be blank");
    }
  }
}
