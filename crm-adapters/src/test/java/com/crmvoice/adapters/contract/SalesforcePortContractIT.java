package com.crmvoice.adapters.contract;

/** The CRM port contract against the Salesforce adapter and the fake Salesforce. */
class SalesforcePortContractIT extends CrmPortContract {
  @Override
  CrmFixture fixture() {
    return new SalesforceFixture();
  }
}
