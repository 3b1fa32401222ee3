package com.crmvoice.core.fakes;

import com.crmvoice.core.contract.LeadCacheContract;
import com.crmvoice.core.port.LeadCache;

class InMemoryLeadCacheTest extends LeadCacheContract {
  @Override
  protected LeadCache newCache() {
    return new InMemoryLeadCache();
  }
}
