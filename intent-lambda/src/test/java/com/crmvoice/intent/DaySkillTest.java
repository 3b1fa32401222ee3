package com.crmvoice.intent;

import static com.crmvoice.intent.SkillHarness.ALICE;
import static com.crmvoice.intent.SkillHarness.ALICE_TOKEN;
import static com.crmvoice.intent.Talk.speech;
import static org.assertj.core.api.Assertions.assertThat;

import com.crmvoice.core.domain.Agenda;
import com.crmvoice.core.domain.CalendarEvent;
import com.crmvoice.core.domain.CompleteTask;
import com.crmvoice.core.domain.Lead;
import com.crmvoice.core.domain.LeadArrival;
import com.crmvoice.core.domain.OpenTask;
import com.crmvoice.core.port.ClosingDeals.DealMention;
import com.crmvoice.testkit.alexa.AlexaRequests;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The briefing, the next meeting, today's tasks and "mark the proposal task as done". */
class DaySkillTest {

  // 09:00 UTC on 1 March 2026 is 10:00 in Berlin.
  private static final Instant NOW = Instant.parse("2026-03-01T09:00:00Z");
  private static final Instant HEARD = Instant.parse("2026-02-28T10:00:00Z");
  private final SkillHarness skill = new SkillHarness();

  private static Instant berlin(String dateTime) {
    return java.time.LocalDateTime.parse(dateTime).atZone(ZoneId.of("Europe/Berlin")).toInstant();
  }

  @BeforeEach
  void day() {
    skill.deviceZone = ZoneId.of("Europe/Berlin");
    skill.cacheLeads(
        ALICE,
        new Lead(
            "00Q1",
            ALICE,
            "John",
            "Smith",
            "Acme",
            null,
            null,
            "Open - Not Contacted",
            Instant.parse("2026-01-01T00:00:00Z")));
    skill.agendas.replaceAgenda(
        new Agenda(
            ALICE,
            List.of(
                new CalendarEvent(
                    "00U1",
                    ALICE,
                    "Discovery call",
                    berlin("2026-03-01T09:30"),
                    null,
                    false,
                    List.of("Maria Garcia")),
                new CalendarEvent(
                    "00U2",
                    ALICE,
                    "Product demo",
                    berlin("2026-03-01T14:00"),
                    null,
                    false,
                    List.of("Wei Chen", "Jonas Weber")),
                new CalendarEvent(
                    "00U3",
                    ALICE,
                    "Proposal review",
                    berlin("2026-03-02T10:00"),
                    null,
                    false,
                    List.of())),
            List.of(
                new OpenTask(
                    "00T1",
                    ALICE,
                    "Send the proposal",
                    LocalDate.parse("2026-03-01"),
                    "Maria Garcia",
                    HEARD),
                new OpenTask(
                    "00T2",
                    ALICE,
                    "Call back about pricing",
                    LocalDate.parse("2026-02-27"),
                    null,
                    HEARD),
                new OpenTask(
                    "00T3",
                    ALICE,
                    "Book the site visit",
                    LocalDate.parse("2026-03-07"),
                    null,
                    HEARD)),
            List.of(
                new LeadArrival("00Q9", ALICE, "Lena Vogel", "Vogel AG", NOW.minusSeconds(3600)),
                new LeadArrival(
                    "00Q8", ALICE, "Old News", null, Instant.parse("2026-02-25T00:00:00Z")))),
        NOW);
  }

  private Talk talk(String locale) {
    return new Talk(skill::invoke, locale, ALICE_TOKEN);
  }

  @Test
  void theBriefingTellsTodayInTheUsersZone_andLeavesOutWhatIsEmpty() {
    JsonNode answer = talk("en-US").say(AlexaRequests.intent("BriefingIntent").withApl());

    String said = speech(answer);
    assertThat(said)
        .contains("You have 2 meetings today: at 9:30 AM, Discovery call with Maria Garcia")
        .contains("at 2:00 PM, Product demo with Wei Chen and Jonas Weber")
        .contains("One task is due today, and one is overdue")
        .contains("Call back about pricing")
        .contains("Send the proposal, for Maria Garcia")
        .contains("One new lead: Lena Vogel.")
        .contains("Your top lead is John Smith.")
        .doesNotContain("Proposal review", "Book the site visit", "Old News", "deal");
    assertThat(SkillHarness.directive(answer, "Alexa.Presentation.APL.RenderDocument")).isNotNull();
    // About 30 seconds spoken at most: well under 80 words.
    assertThat(said.split("\\s+").length).isLessThan(80);
  }

  @Test
  void theSecondBriefingCountsNewLeadsFromTheFirst_andDealsClosingThisWeekAreRead() {
    skill.closing.add(new DealMention("Northwind renewal", LocalDate.parse("2026-03-01")));
    talk("en-US").say("BriefingIntent");
    skill.clock.advance(java.time.Duration.ofMinutes(5));

    String again = speech(talk("en-US").say("BriefingIntent"));

    assertThat(again).doesNotContain("Lena Vogel").contains("One deal closes this week: Northwind");
  }

  @Test
  void aFullDayNamesFewerTasksAndMeetings_toStayWithinThirtySeconds_butKeepsEverySection() {
    for (String name :
        List.of(
            "Northwind Traders enterprise renewal",
            "Contoso regional expansion programme",
            "Fabrikam global rollout phase two",
            "Tailspin Toys upgrade")) {
      skill.closing.add(new DealMention(name, LocalDate.parse("2026-03-01")));
    }

    String said = speech(talk("en-US").say("BriefingIntent"));
    String told = said.substring(0, said.indexOf(" What next:"));

    assertThat(told.split("\\s+").length).isLessThanOrEqualTo(75);
    assertThat(told)
        .contains("You have 2 meetings today: at 9:30 AM, Discovery call with Maria Garcia")
        .contains("One task is due today, and one is overdue")
        .contains("One new lead: Lena Vogel.")
        .contains("4 deals close this week: Northwind Traders enterprise renewal")
        .contains("and 1 more")
        .contains("Your top lead is John Smith.");
  }

  @Test
  void theBriefingSpeaksGermanAndBritishEnglish() {
    assertThat(speech(talk("de-DE").say("BriefingIntent")))
        .contains("Du hast heute 2 Termine: um 9:30 Uhr Discovery call mit Maria Garcia")
        .contains("Ein neuer Lead: Lena Vogel.");
    assertThat(speech(talk("en-GB").say("BriefingIntent"))).contains("at 14:00, Product demo");
  }

  @Test
  void theNextMeetingAndTodaysTasks() {
    Talk talk = talk("en-US");
    assertThat(speech(talk.say("NextMeetingIntent")))
        .contains(
            "Your next meeting is today at 2:00 PM, Product demo with Wei Chen and Jonas Weber.");
    skill.clock.set(berlin("2026-03-01T15:00"));
    assertThat(speech(talk.say("NextMeetingIntent")))
        .contains("Your next meeting is tomorrow at 10:00 AM, Proposal review.");
    assertThat(speech(talk.say("TasksTodayIntent")))
        .contains("One task is due today, and one is overdue: Call back about pricing and Send");
  }

  @Test
  void markingTheProposalTaskAsDoneIsReadBackQueuedOnceAfterYes_andGoneFromTheSession() {
    Talk talk = talk("en-US");
    JsonNode readBack =
        talk.say(AlexaRequests.intent("CompleteTaskIntent").slot("task", "proposal"));
    assertThat(speech(readBack)).contains("Mark Send the proposal as done?");
    assertThat(skill.queue.sent()).isEmpty();

    JsonNode done =
        talk.say(
            AlexaRequests.intent("CompleteTaskIntent")
                .confirmation("CONFIRMED")
                .slot("task", "proposal"));

    assertThat(speech(done)).contains("Send the proposal will be marked as done in Salesforce.");
    assertThat(skill.queue.sent())
        .singleElement()
        .isInstanceOfSatisfying(
            CompleteTask.class,
            c -> {
              assertThat(c.taskId()).isEqualTo("00T1");
              assertThat(c.heardModifiedAt()).isEqualTo(HEARD);
              assertThat(c.ownerId()).isEqualTo(ALICE);
            });
    assertThat(speech(talk.say("TasksTodayIntent")))
        .contains("One task is overdue")
        .doesNotContain("Send the proposal");
  }

  @Test
  void anUnknownTaskIsAskedForAgain_andNoStopsTheDialog() {
    Talk talk = talk("en-US");
    assertThat(speech(talk.say(AlexaRequests.intent("CompleteTaskIntent").slot("task", "invoice"))))
        .contains("I don't see an open task like invoice.", "Which task is done?");
    assertThat(
            speech(
                talk.say(
                    AlexaRequests.intent("CompleteTaskIntent")
                        .confirmation("DENIED")
                        .slot("task", "proposal"))))
        .contains("I'll leave it open.");
    assertThat(skill.queue.sent()).isEmpty();
  }

  @Test
  void aReturningUserIsOfferedTheBriefingAtLaunch() {
    String first = speech(talk("en-US").say(AlexaRequests.launch()));
    assertThat(first).doesNotContain("briefing");
    talk("en-US").say("BriefingIntent");

    assertThat(speech(talk("en-US").say(AlexaRequests.launch())))
        .contains("For your briefing, just say: what's my day.");
  }

  @Test
  void anOwnerTheCacheDoesNotKnowIsReadLiveOnce_andStored() {
    skill.calendar.put(
        new OpenTask(
            "00T7", SkillHarness.BOB, "Live task", LocalDate.parse("2026-03-01"), null, HEARD),
        HEARD);
    Talk bob = new Talk(skill::invoke, "en-US", SkillHarness.BOB_TOKEN);

    assertThat(speech(bob.say("TasksTodayIntent"))).contains("One task is due today: Live task.");
    int calls = skill.calendar.calls();
    assertThat(skill.agendas.agenda(SkillHarness.BOB))
        .isInstanceOf(com.crmvoice.core.port.AgendaCache.Snapshot.Known.class);
    assertThat(speech(bob.say("TasksTodayIntent"))).contains("Live task");
    assertThat(skill.calendar.calls()).isEqualTo(calls);
  }

  @Test
  void whenNeitherTheCacheNorTheCrmAnswersTheUserHearsSo() {
    skill.calendar.failNext(3);
    Talk bob = new Talk(skill::invoke, "en-US", SkillHarness.BOB_TOKEN);

    assertThat(speech(bob.say("BriefingIntent"))).contains("I can't get your day from Salesforce");
  }
}
