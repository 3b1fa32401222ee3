package com.crmvoice.core.fakes;

import com.crmvoice.core.contract.DealCacheContract;
import com.crmvoice.core.port.DealCache;

class InMemoryDealCacheTest extends DealCacheContract {
  @Override
  protected DealCache newCache() {
    return new InMemoryDealCache();
  }
}
