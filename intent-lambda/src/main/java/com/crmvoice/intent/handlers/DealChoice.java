package com.crmvoice.intent.handlers;

import com.amazon.ask.dispatcher.request.handler.HandlerInput;
import com.amazon.ask.model.Response;
import java.util.Optional;

/**
 * A deal dialog that may be waiting for "which deal" (a write such as "move it to negotiation"): a
 * touch on the screen's deal list continues it ({@link DealTouchedHandler}).
 */
public interface DealChoice {

  /** Whether this dialog is asking which deal it is about. */
  boolean awaitsDeal(HandlerInput input);

  /** The dialog continued with the deal touched, as if its name had been said. */
  Optional<Response> continueWith(HandlerInput input, String dealId);
}
