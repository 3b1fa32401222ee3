package com.crmvoice.intent.handlers;

import com.amazon.ask.dispatcher.request.handler.HandlerInput;
import com.amazon.ask.model.Response;
import com.crmvoice.core.domain.CalendarEvent;
import com.crmvoice.core.domain.CrmUser;
import com.crmvoice.core.service.day.DayService;
import com.crmvoice.intent.LeadWork;
import com.crmvoice.intent.speech.Speech;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Objects;
import java.util.Optional;

/**
 * "What's next on my calendar", "when is my next meeting": the first meeting starting after now in
 * the agenda (today, tomorrow or a weekday, at its time in the user's zone), or that none is known
 * for the next days.
 */
public final class NextMeetingIntentHandler implements IntentHandler {

  private final DayService day;
  private final LeadWork work;

  public NextMeetingIntentHandler(DayService day, LeadWork work) {
    this.day = Objects.requireNonNull(day, "day");
    this.work = Objects.requireNonNull(work, "work");
  }

  @Override
  public String intentName() {
    return "NextMeetingIntent";
  }

  @Override
  public Optional<Response> handle(HandlerInput input) {
    Speech speech = Requests.speech(input);
    CrmUser user = CurrentUser.of(input);
    Optional<Optional<CalendarEvent>> next = day.nextMeeting(user.userId());
    if (next.isEmpty()) {
      return DayPresentation.offer(input, speech, speech.say("briefing.unavailable"));
    }
    if (next.get().isEmpty()) {
      return DayPresentation.offer(input, speech, speech.say("nextmeeting.none"));
    }
    ZoneId zone = DayPresentation.zone(input, work);
    CalendarEvent e = next.get().get();
    LocalDate today = LocalDate.ofInstant(day.clock().instant(), zone);
    String when = DayPresentation.dayWord(speech, LocalDate.ofInstant(e.start(), zone), today);
    return DayPresentation.offer(
        input,
        speech,
        speech.say("nextmeeting.one", when, DayPresentation.meeting(speech, e, zone)));
  }
}
