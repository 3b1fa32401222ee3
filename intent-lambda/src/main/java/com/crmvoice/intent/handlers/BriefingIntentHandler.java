package com.crmvoice.intent.handlers;

import com.amazon.ask.dispatcher.request.handler.HandlerInput;
import com.amazon.ask.model.Response;
import com.amazon.ask.response.ResponseBuilder;
import com.crmvoice.core.domain.CrmUser;
import com.crmvoice.core.service.day.Day;
import com.crmvoice.core.service.day.DayService;
import com.crmvoice.intent.LeadWork;
import com.crmvoice.intent.speech.Speech;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * "What's my day", "what's on my plate today", "give me my briefing": one answer from the agenda
 * and lead caches ({@link DayService}), sections left out when empty, with an APL list on a screen;
 * the session stays open for the next meeting, the tasks or the top lead. The briefing is marked
 * heard for the Alexa user, so the next one's new leads start from now.
 */
public final class BriefingIntentHandler implements IntentHandler {

  private final DayService day;
  private final LeadWork work;

  public BriefingIntentHandler(DayService day, LeadWork work) {
    this.day = Objects.requireNonNull(day, "day");
    this.work = Objects.requireNonNull(work, "work");
  }

  @Override
  public String intentName() {
    return "BriefingIntent";
  }

  @Override
  public Optional<Response> handle(HandlerInput input) {
    Speech speech = Requests.speech(input);
    CrmUser user = CurrentUser.of(input);
    String alexaUser = Requests.alexaUserId(input);
    Optional<Day> today = day.day(user.userId(), alexaUser, DayPresentation.zone(input, work));
    if (today.isEmpty()) {
      return input
          .getResponseBuilder()
          .withSpeech(speech.say("briefing.unavailable"))
          .withShouldEndSession(true)
          .build();
    }
    Set<String> completed = DayPresentation.completed(input);
    ResponseBuilder response =
        DayPresentation.offering(
            input, speech, DayPresentation.briefing(speech, today.get(), completed));
    if (Requests.supportsApl(input)) {
      response.addDirective(DayPresentation.apl(speech, today.get(), completed));
    }
    day.briefed(alexaUser == null ? user.userId() : alexaUser);
    return response.build();
  }
}
