package com.crmvoice.core.port;

import com.crmvoice.core.domain.Notice;

/**
 * Tells a user, unasked, what became of a command (Alexa Proactive Events in production).
 *
 * <p>Throws {@link NotifierUnavailableException} when the send may succeed later (network, 5xx,
 * throttling, a token that could not be had) and {@link NotifierRejectedException} when it never
 * will (the service refused this event: a bad request, an unknown user, no permission).
 */
public interface Notifier {

  void send(Notice notice);
}
