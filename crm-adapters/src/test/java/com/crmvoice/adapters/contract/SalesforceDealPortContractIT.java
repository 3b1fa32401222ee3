package com.crmvoice.adapters.contract;

/** The deal port contract against the Salesforce adapter and its fake. */
class SalesforceDealPortContractIT extends DealPortContract {
  @Override
  CrmFixture fixture() {
    return new SalesforceFixture();
  }
}
