package com.crmvoice.adapters.contract;

/** The CRM port contract against the Dynamics 365 (Dataverse) adapter and the fake Dataverse. */
class DataversePortContractIT extends CrmPortContract {
  @Override
  CrmFixture fixture() {
    return new DataverseFixture();
  }
}
