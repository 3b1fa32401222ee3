package com.crmvoice.intent.handlers;

import com.amazon.ask.dispatcher.request.handler.HandlerInput;
import com.amazon.ask.model.Response;
import com.crmvoice.core.domain.CrmUser;
import com.crmvoice.core.domain.OpenTask;
import com.crmvoice.core.service.day.DayService;
import com.crmvoice.intent.LeadWork;
import com.crmvoice.intent.speech.Speech;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * "What are my tasks today": the open tasks due today and the overdue ones (count, then the first
 * few), without those the user completed in this session.
 */
public final class TasksTodayIntentHandler implements IntentHandler {

  private final DayService day;
  private final LeadWork work;

  public TasksTodayIntentHandler(DayService day, LeadWork work) {
    this.day = Objects.requireNonNull(day, "day");
    this.work = Objects.requireNonNull(work, "work");
  }

  @Override
  public String intentName() {
    return "TasksTodayIntent";
  }

  @Override
  public Optional<Response> handle(HandlerInput input) {
    Speech speech = Requests.speech(input);
    CrmUser user = CurrentUser.of(input);
    var zone = DayPresentation.zone(input, work);
    Optional<List<OpenTask>> tasks = day.tasksDue(user.userId(), zone);
    if (tasks.isEmpty()) {
      return DayPresentation.offer(input, speech, speech.say("briefing.unavailable"));
    }
    LocalDate today = LocalDate.ofInstant(day.clock().instant(), zone);
    List<OpenTask> open = DayPresentation.open(tasks.get(), DayPresentation.completed(input));
    List<OpenTask> due = new ArrayList<>();
    List<OpenTask> overdue = new ArrayList<>();
    open.forEach(t -> (t.dueDate().isBefore(today) ? overdue : due).add(t));
    if (open.isEmpty()) {
      return DayPresentation.offer(input, speech, speech.say("tasks.none"));
    }
    return DayPresentation.offer(input, speech, DayPresentation.tasks(speech, due, overdue));
  }
}
