package com.crmvoice.testkit.salesforce;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** The Lead fields the fake knows, their types, limits and which ones a client may write. */
final class LeadSchema implements ObjectSchema {

  enum Type {
    ID("id"),
    STRING("string"),
    BOOLEAN("boolean"),
    DATETIME("dateTime"),
    DATE("date"),
    NUMBER("double");

    private final String soqlName;

    Type(String soqlName) {
      this.soqlName = soqlName;
    }

    String soqlName() {
      return soqlName;
    }
  }

  record Field(String name, Type type, int maxLength, String label, boolean writable) {}

  private final Map<String, Field> byLowerName = new LinkedHashMap<>();

  LeadSchema(String externalIdField) {
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

  private void add(Field field) {
    byLowerName.put(field.name().toLowerCase(Locale.ROOT), field);
  }

  @Override
  public String objectName() {
    return "Lead";
  }

  /** The field's API name as Salesforce spells it, or null when the Lead has no such field. */
  @Override
  public String canonical(String name) {
    Field field = byLowerName.get(name.toLowerCase(Locale.ROOT));
    return field == null ? null : field.name();
  }

  Field field(String canonicalName) {
    return byLowerName.get(canonicalName.toLowerCase(Locale.ROOT));
  }

  @Override
  public Type type(String canonicalName) {
    return field(canonicalName).type();
  }

  Set<String> names() {
    return Set.copyOf(byLowerName.keySet());
  }
}
