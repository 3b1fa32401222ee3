package com.crmvoice.intent.handlers;

import com.amazon.ask.dispatcher.request.handler.HandlerInput;
import com.amazon.ask.model.DialogState;
import com.amazon.ask.model.Intent;
import com.amazon.ask.model.IntentConfirmationStatus;
import com.amazon.ask.model.IntentRequest;
import com.amazon.ask.model.Response;
import com.amazon.ask.response.ResponseBuilder;
import com.crmvoice.core.domain.CrmUser;
import com.crmvoice.core.domain.NewLead;
import com.crmvoice.core.service.skill.CommandSubmitter.Submission;
import com.crmvoice.core.service.skill.CreateLeadService;
import com.crmvoice.intent.dialog.Step;
import com.crmvoice.intent.handlers.CreateLeadDialog.Progress;
import com.crmvoice.intent.notify.NotificationConsent;
import com.crmvoice.intent.speech.Speech;
import java.util.Objects;
import java.util.Optional;

/**
 * "Add a lead": a dialog the skill drives (delegation strategy SKILL_RESPONSE, see {@link
 * CreateLeadDialog}). Every turn checks the values given so far; a bad one is asked for again with
 * the reason, never dropped. Alexa collects last name and company; the skill then offers first
 * name, email and phone once each (each can be skipped), and reads the details back for
 * confirmation; confirmed, the command is queued and Alexa answers at once; denied, nothing is
 * queued.
 */
public final class CreateLeadIntentHandler implements IntentHandler {

  private final CreateLeadService createLeads;

  public CreateLeadIntentHandler(CreateLeadService createLeads) {
    this.createLeads = Objects.requireNonNull(createLeads, "createLeads");
  }

  @Override
  public String intentName() {
    return CreateLeadDialog.INTENT;
  }

  @Override
  public Optional<Response> handle(HandlerInput input) {
    Speech speech = Requests.speech(input);
    IntentRequest request = (IntentRequest) input.getRequestEnvelope().getRequest();
    Intent intent = request.getIntent();
    // Who is asking, before the user spends a dialog on it: unlinked users hear how to link.
    CrmUser user = CurrentUser.of(input);

    if (intent.getConfirmationStatus() == IntentConfirmationStatus.DENIED) {
      return CreateLeadDialog.denied(input, speech);
    }

    Progress progress =
        Progress.of(input)
            .filter(p -> request.getDialogState() != DialogState.STARTED || p.continues(intent))
            .orElseGet(Progress::fresh);
    progress = CreateLeadDialog.answered(speech, intent, progress);
    CreateLeadDialog.Turn turn = CreateLeadDialog.decide(speech, intent, progress, null);
    if (turn.step() instanceof Step.Done<NewLead> done) {
      CreateLeadDialog.end(input);
      return submit(input, speech, user, done.value());
    }
    return CreateLeadDialog.respond(input, speech, turn, progress);
  }

  private Optional<Response> submit(HandlerInput input, Speech speech, CrmUser user, NewLead lead) {
    Submission submission = createLeads.submit(Requests.requestId(input), user.userId(), lead);
    String text;
    if (submission instanceof Submission.NotQueued) {
      text = speech.say("create.notqueued");
    } else if (submission instanceof Submission.ReusedForOtherContent) {
      text = speech.say("create.reused", CreateLeadDialog.summary(speech, lead));
    } else {
      text = speech.say("create.queued", CreateLeadDialog.summary(speech, lead));
    }
    ResponseBuilder response = input.getResponseBuilder();
    text += NotificationConsent.offer(speech, response);
    return response.withSpeech(text).withShouldEndSession(true).build();
  }
}
