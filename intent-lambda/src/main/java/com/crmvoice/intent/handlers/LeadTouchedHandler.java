package com.crmvoice.intent.handlers;

import com.amazon.ask.dispatcher.request.handler.HandlerInput;
import com.amazon.ask.dispatcher.request.handler.RequestHandler;
import com.amazon.ask.model.Response;
import com.crmvoice.core.domain.CrmUser;
import com.crmvoice.core.domain.Lead;
import com.crmvoice.core.service.skill.WorkingSet;
import com.crmvoice.intent.speech.Speech;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A touch on the "which one" list (Alexa.Presentation.APL.UserEvent with the arguments
 * ["leadSelected", leadId], see {@link LeadPresentation#choice}): the write dialog that asked which
 * lead continues with that one, as if its name had been said. Without a dialog waiting, the lead
 * touched comes into focus and is read out. Only the owner's open leads are ever found.
 */
public final class LeadTouchedHandler implements RequestHandler {

  private final List<LeadWriteHandler<?>> writes;
  private final WorkingSet workingSet;

  LeadTouchedHandler(List<LeadWriteHandler<?>> writes, WorkingSet workingSet) {
    this.writes = List.copyOf(writes);
    this.workingSet = Objects.requireNonNull(workingSet, "workingSet");
  }

  /** The handler for the write handlers among {@code handlers}. */
  public static LeadTouchedHandler of(List<IntentHandler> handlers, WorkingSet workingSet) {
    List<LeadWriteHandler<?>> writes =
        handlers.stream()
            .filter(h -> h instanceof LeadWriteHandler<?>)
            .<LeadWriteHandler<?>>map(h -> (LeadWriteHandler<?>) h)
            .toList();
    return new LeadTouchedHandler(writes, workingSet);
  }

  private static Optional<String> touchedLead(HandlerInput input) {
    return Requests.touched(input, LeadPresentation.SELECTED);
  }

  @Override
  public boolean canHandle(HandlerInput input) {
    return touchedLead(input).isPresent();
  }

  @Override
  public Optional<Response> handle(HandlerInput input) {
    String leadId = touchedLead(input).orElseThrow();
    for (LeadWriteHandler<?> write : writes) {
      if (write.awaitsLead(input)) {
        return write.continueWith(input, leadId);
      }
    }
    Speech speech = Requests.speech(input);
    CrmUser user = CurrentUser.of(input);
    Optional<Lead> lead = workingSet.find(user.userId(), leadId);
    if (lead.isEmpty()) {
      return LeadSession.offer(
          input, speech, speech.say("lead.notopen", speech.plain("lead.this")));
    }
    LeadSession.focus(input, lead.get(), LeadSession.focusIndex(input));
    return LeadSession.offer(input, speech, LeadPresentation.speech(speech, lead.get()));
  }
}
