package com.crmvoice.adapters.contract;

/** The calendar port contract against the Salesforce adapter and its fake. */
class SalesforceCalendarPortContractIT extends CalendarPortContract {
  @Override
  CrmFixture fixture() {
    return new SalesforceFixture();
  }
}
