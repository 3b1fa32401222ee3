package com.crmvoice.adapters.aws;

import com.crmvoice.core.port.CalendarGateway;
import com.crmvoice.core.port.CrmGateway;

/**
 * A CRM adapter as the functions wire it, whichever CRM it is (the {@code CRM} setting): the lead
 * port, the calendar port over the same connection, and the count of requests it sent.
 */
public interface WiredCrm extends CrmGateway {

  /** The calendar port over the same connection. */
  CalendarGateway calendar();

  /** The deal port over the same connection. */
  com.crmvoice.core.port.DealGateway dealGateway();

  /** Requests sent to the CRM's API so far (not token requests). */
  long requestCount();
}
