package com.crmvoice.testkit.salesforce;

/** One sObject's fields as the SOQL parser checks them: API names in any case, and their types. */
interface ObjectSchema {

  /** The object's API name as Salesforce spells it. */
  String objectName();

  /** The field's API name as Salesforce spells it, or null when the object has no such field. */
  String canonical(String name);

  LeadSchema.Type type(String canonicalName);
}
