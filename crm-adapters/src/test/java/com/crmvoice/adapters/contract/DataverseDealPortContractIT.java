package com.crmvoice.adapters.contract;

/** The deal port contract against the Dynamics 365 (Dataverse) adapter and its fake. */
class DataverseDealPortContractIT extends DealPortContract {
  @Override
  CrmFixture fixture() {
    return new DataverseFixture();
  }
}
