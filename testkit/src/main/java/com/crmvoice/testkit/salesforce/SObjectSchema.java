package com.crmvoice.testkit.salesforce;

import com.crmvoice.testkit.salesforce.LeadSchema.Type;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The schema of an object other than Lead: field names and types, as the object reference lists
 * them (Opportunity, Account, OpportunityStage, Period, FiscalYearSettings, Organization,
 * CurrencyType). A parent field through a relationship ({@code Account.Name}) is a field of its
 * own.
 */
final class SObjectSchema implements ObjectSchema {

  private final String name;
  private final Map<String, Map.Entry<String, Type>> fields = new LinkedHashMap<>();

  SObjectSchema(String name) {
    this.name = name;
  }

  SObjectSchema field(String apiName, Type type) {
    fields.put(apiName.toLowerCase(Locale.ROOT), Map.entry(apiName, type));
    return this;
  }

  @Override
  public String objectName() {
    return name;
  }

  @Override
  public String canonical(String apiName) {
    Map.Entry<String, Type> field = fields.get(apiName.toLowerCase(Locale.ROOT));
    return field == null ? null : field.getKey();
  }

  @Override
  public Type type(String canonicalName) {
    return fields.get(canonicalName.toLowerCase(Locale.ROOT)).getValue();
  }
}
