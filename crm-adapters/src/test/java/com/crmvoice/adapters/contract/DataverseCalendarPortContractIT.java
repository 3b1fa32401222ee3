package com.crmvoice.adapters.contract;

/** The calendar port contract against the Dynamics 365 (Dataverse) adapter and its fake. */
class DataverseCalendarPortContractIT extends CalendarPortContract {
  @Override
  CrmFixture fixture() {
    return new DataverseFixture();
  }
}
