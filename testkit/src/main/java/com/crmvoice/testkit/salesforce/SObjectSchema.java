package com.crmvoice.testkit.salesforce;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The fields of one sObject the fake knows (Lead, Event, EventRelation, Task), their types, limits
 * and which ones a client may write. A relationship field ({@code Who.Name}, {@code Relation.Name})
 * is a field with a dot: queryable, never writable, answered as a nested object as Salesforce does.
 * The Event, EventRelation and Task fields are those of the Object Reference
 * (https://developer.salesforce.com/docs/atlas.en-us.object_reference.meta/object_reference/sforce_api_objects_event.htm,
 * …/sforce_api_objects_eventrelation.htm, …/sforce_api_objects_task.htm) that CRM Voice reads.
 */
final class SObjectSchema {

  enum Type {
    ID("id"),
    STRING("string"),
    BOOLEAN("boolean"),
    DATETIME("dateTime"),
    DATE("date"),
    NUMBER("double"),
    CURRENCY("currency");

    private final String soqlName;

    Type(String soqlName) {
      this.soqlName = soqlName;
    }

    String soqlName() {
      return soqlName;
    }
  }

  record Field(String name, Type type, int maxLength, String label, boolean writable) {}

  private final String objectName;
  private final Map<String, Field> byLowerName = new LinkedHashMap<>();

  /** The Lead. */
  SObjectSchema(String externalIdField) {
    this.objectName = "Lead";
    add(new Field("Id", Type.ID, 18, "Record ID", false));
    add(new Field("OwnerId", Type.ID, 18, "Owner ID", true));
    add(new Field("FirstName", Type.STRING, 40, "First Name", true));
    add(new Field("LastName", Type.STRING, 80, "Last Name", true));
    add(new Field("Name", Type.STRING, 121, "Full Name", false));
    add(new Field("Company", Type.STRING, 255, "Company", true));
    add(new Field("Email", Type.STRING, 80, "Email", true));
    add(new Field("Phone", Type.STRING, 40, "Phone", true));
    add(new Field("Status", Type.STRING, 255, "Lead Status", true));
    add(new Field("IsConverted", Type.BOOLEAN, 0, "Converted", false));
    add(new Field("IsDeleted", Type.BOOLEAN, 0, "Deleted", false));
    add(new Field("MasterRecordId", Type.ID, 18, "Master Record ID", false));
    add(new Field("CreatedDate", Type.DATETIME, 0, "Created Date", false));
    add(new Field("LastModifiedDate", Type.DATETIME, 0, "Last Modified Date", false));
    add(new Field("SystemModstamp", Type.DATETIME, 0, "System Modstamp", false));
    add(new Field(externalIdField, Type.STRING, 255, "CRM Voice Command Id", true));
  }

  private SObjectSchema(String objectName, boolean empty) {
    this.objectName = objectName;
  }

  /** Event: a calendar entry; WhoId is its primary lead or contact, invitees are EventRelations. */
  static SObjectSchema event() {
    SObjectSchema s = new SObjectSchema("Event", true);
    s.common();
    s.add(new Field("Subject", Type.STRING, 255, "Subject", true));
    s.add(new Field("StartDateTime", Type.DATETIME, 0, "Start Date Time", true));
    s.add(new Field("EndDateTime", Type.DATETIME, 0, "End Date Time", true));
    s.add(new Field("ActivityDate", Type.DATE, 0, "Due Date Only", true));
    s.add(new Field("IsAllDayEvent", Type.BOOLEAN, 0, "All-Day Event", true));
    s.add(new Field("Location", Type.STRING, 255, "Location", true));
    s.add(new Field("WhoId", Type.ID, 18, "Name ID", true));
    s.add(new Field("Who.Name", Type.STRING, 121, "Name", false));
    return s;
  }

  /** EventRelation: one invitee (IsInvitee) or related lead or contact (IsParent) of an Event. */
  static SObjectSchema eventRelation() {
    SObjectSchema s = new SObjectSchema("EventRelation", true);
    s.add(new Field("Id", Type.ID, 18, "Event Relation ID", false));
    s.add(new Field("EventId", Type.ID, 18, "Event ID", true));
    s.add(new Field("RelationId", Type.ID, 18, "Relation ID", true));
    s.add(new Field("Relation.Name", Type.STRING, 121, "Name", false));
    s.add(new Field("IsInvitee", Type.BOOLEAN, 0, "Is Invitee", true));
    s.add(new Field("IsParent", Type.BOOLEAN, 0, "Is Parent", true));
    s.add(new Field("IsWhat", Type.BOOLEAN, 0, "Is What", true));
    s.add(new Field("IsDeleted", Type.BOOLEAN, 0, "Deleted", false));
    s.add(new Field("Status", Type.STRING, 40, "Status", true));
    s.add(new Field("CreatedDate", Type.DATETIME, 0, "Created Date", false));
    s.add(new Field("LastModifiedDate", Type.DATETIME, 0, "Last Modified Date", false));
    s.add(new Field("SystemModstamp", Type.DATETIME, 0, "System Modstamp", false));
    return s;
  }

  /** Task: a to-do (Status, ActivityDate as its due date, IsClosed derived from the status). */
  static SObjectSchema task(String externalIdField) {
    SObjectSchema s = new SObjectSchema("Task", true);
    s.common();
    s.add(new Field("Subject", Type.STRING, 255, "Subject", true));
    s.add(new Field("Description", Type.STRING, 32000, "Comments", true));
    s.add(new Field("ActivityDate", Type.DATE, 0, "Due Date Only", true));
    s.add(new Field("Status", Type.STRING, 255, "Status", true));
    s.add(new Field("Priority", Type.STRING, 40, "Priority", true));
    s.add(new Field("TaskSubtype", Type.STRING, 40, "Task Subtype", true));
    s.add(new Field("IsClosed", Type.BOOLEAN, 0, "Closed", false));
    s.add(new Field("WhoId", Type.ID, 18, "Name ID", true));
    s.add(new Field("Who.Name", Type.STRING, 121, "Name", false));
    s.add(new Field(externalIdField, Type.STRING, 255, "CRM Voice Command Id", true));
    return s;
  }

  /** An object of the sales side ({@link SalesStore}), its fields added with {@link #field}. */
  static SObjectSchema named(String objectName) {
    return new SObjectSchema(objectName, true);
  }

  /** Adds a field as the sales objects' schemas list them (length and label unchecked). */
  SObjectSchema field(String apiName, Type type) {
    add(new Field(apiName, type, 0, apiName, !apiName.contains(".")));
    return this;
  }

  private void common() {
    add(new Field("Id", Type.ID, 18, "Activity ID", false));
    add(new Field("OwnerId", Type.ID, 18, "Assigned To ID", true));
    add(new Field("IsDeleted", Type.BOOLEAN, 0, "Deleted", false));
    add(new Field("CreatedDate", Type.DATETIME, 0, "Created Date", false));
    add(new Field("LastModifiedDate", Type.DATETIME, 0, "Last Modified Date", false));
    add(new Field("SystemModstamp", Type.DATETIME, 0, "System Modstamp", false));
  }

  private void add(Field field) {
    byLowerName.put(field.name().toLowerCase(Locale.ROOT), field);
  }

  /** The sObject's API name ("Lead", "Event"). */
  String objectName() {
    return objectName;
  }

  /** The field's API name as Salesforce spells it, or null when the object has no such field. */
  String canonical(String name) {
    Field field = byLowerName.get(name.toLowerCase(Locale.ROOT));
    return field == null ? null : field.name();
  }

  Field field(String canonicalName) {
    return byLowerName.get(canonicalName.toLowerCase(Locale.ROOT));
  }

  Type type(String canonicalName) {
    return field(canonicalName).type();
  }

  Set<String> names() {
    return Set.copyOf(byLowerName.keySet());
  }
}
