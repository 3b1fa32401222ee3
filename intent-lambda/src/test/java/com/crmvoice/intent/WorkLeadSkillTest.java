package com.crmvoice.intent;

import static com.crmvoice.intent.SkillHarness.ALICE;
import static com.crmvoice.intent.SkillHarness.ALICE_TOKEN;
import static com.crmvoice.intent.Talk.speech;
import static org.assertj.core.api.Assertions.assertThat;

import com.crmvoice.core.domain.CommandState;
import com.crmvoice.core.domain.CreateTask;
import com.crmvoice.core.domain.Lead;
import com.crmvoice.core.domain.LogCall;
import com.crmvoice.core.domain.UpdateLeadStatus;
import com.crmvoice.testkit.alexa.AlexaRequests;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Working the top lead by voice: the walk, details, the three writes, undo, what happened. */
class WorkLeadSkillTest {

  private final SkillHarness skill = new SkillHarness();
  private final Talk talk = new Talk(skill::invoke, "en-US", ALICE_TOKEN);
  private static final Instant VERSION = Instant.parse("2026-02-20T08:00:00Z");
  private Lead john;
  private Lead maria;
  private Lead gomez;

  @BeforeEach
  void leads() {
    john =
        new Lead(
            "00Q1",
            ALICE,
            "John",
            "Smith",
            "Acme",
            "john@acme.com",
            "+1 555 0100",
            "Open - Not Contacted",
            Instant.parse("2026-01-01T00:00:00Z"),
            VERSION);
    maria =
        new Lead(
            "00Q2",
            ALICE,
            "Maria",
            "Garcia",
            "Northwind",
            null,
            null,
            "Working - Contacted",
            Instant.parse("2026-01-02T00:00:00Z"));
    gomez =
        new Lead(
            "00Q3",
            ALICE,
            "Maria",
            "Gomez",
            "Contoso",
            null,
            "+1 555 0199",
            "Open - Not Contacted",
            Instant.parse("2026-01-03T00:00:00Z"));
    skill.cacheLeads(ALICE, john, maria, gomez);
    skill.crm.put(john);
    skill.crm.put(maria);
    skill.crm.put(gomez);
  }

  @Test
  void walksTheOpenLeadsInTopLeadOrder_withTheFocusFollowing() {
    assertThat(speech(talk.say("GetTopLeadIntent"))).contains("John Smith");

    JsonNode next = talk.say("NextLeadIntent");
    assertThat(speech(next))
        .contains("Lead 2 of 3.", "Maria Garcia from Northwind", "the next lead");
    assertThat(next.at("/response/shouldEndSession").asBoolean()).isFalse();
    assertThat(next.at("/sessionAttributes/focus/leadId").asText()).isEqualTo("00Q2");

    assertThat(speech(talk.say("NextLeadIntent"))).contains("Lead 3 of 3.", "Maria Gomez");
    assertThat(speech(talk.say("NextLeadIntent"))).contains("That was your last open lead");
    assertThat(speech(talk.say("PreviousLeadIntent"))).contains("Lead 2 of 3.", "Maria Garcia");
    assertThat(speech(talk.say("StartOverIntent"))).contains("Lead 1 of 3.", "John Smith");
    assertThat(speech(talk.say("PreviousLeadIntent"))).contains("at your top lead already");
  }

  @Test
  void readsDetailsOfTheLeadInFocus_phoneAndDateWithSayAs() {
    talk.say("GetTopLeadIntent");

    assertThat(
            speech(
                talk.say(
                    AlexaRequests.intent("LeadDetailsIntent")
                        .resolvedSlot("detail", "phone number", "PHONE"))))
        .contains(
            "John Smith's phone number is <say-as interpret-as=\"telephone\">+1 555 0100</say-as>");
    assertThat(
            speech(
                talk.say(
                    AlexaRequests.intent("LeadDetailsIntent")
                        .resolvedSlot("detail", "created date", "CREATED"))))
        .contains("<say-as interpret-as=\"date\" format=\"ymd\">2026-01-01</say-as>");
    assertThat(speech(talk.say("LeadDetailsIntent")))
        .contains("John Smith is with Acme", "status is Open - Not Contacted", "john@acme.com");
  }

  @Test
  void changesTheStatusOnlyAfterYes_readingBackOldAndNew() {
    talk.say("GetTopLeadIntent");

    JsonNode readBack =
        talk.say(
            AlexaRequests.intent("ChangeLeadStatusIntent")
                .resolvedSlot("status", "contacted", "CONTACTED"));

    assertThat(speech(readBack))
        .isEqualTo(
            "<speak>Change John Smith from Open - Not Contacted to Working - Contacted?</speak>");
    assertThat(Talk.directiveType(readBack)).isEqualTo("Dialog.ConfirmIntent");
    assertThat(skill.queue.sent()).isEmpty();

    JsonNode done =
        talk.say(
            AlexaRequests.intent("ChangeLeadStatusIntent")
                .confirmation("CONFIRMED")
                .resolvedSlot("status", "contacted", "CONTACTED"));

    assertThat(speech(done)).contains("setting John Smith to Working - Contacted");
    assertThat(done.at("/response/shouldEndSession").asBoolean()).isFalse();
    assertThat(skill.queue.sent())
        .singleElement()
        .isInstanceOfSatisfying(
            UpdateLeadStatus.class,
            u -> {
              assertThat(u.leadId()).isEqualTo("00Q1");
              assertThat(u.fromStatus()).isEqualTo("Open - Not Contacted");
              assertThat(u.toStatus()).isEqualTo("Working - Contacted");
              assertThat(u.heardModifiedAt()).isEqualTo(VERSION);
            });
  }

  @Test
  void aDeniedChangeQueuesNothing() {
    talk.say("GetTopLeadIntent");
    talk.say(
        AlexaRequests.intent("ChangeLeadStatusIntent")
            .resolvedSlot("status", "not interested", "NOT_INTERESTED"));

    JsonNode denied =
        talk.say(
            AlexaRequests.intent("ChangeLeadStatusIntent")
                .confirmation("DENIED")
                .resolvedSlot("status", "not interested", "NOT_INTERESTED"));

    assertThat(speech(denied)).contains("I won't change it");
    assertThat(skill.queue.sent()).isEmpty();
  }

  @Test
  void anUnknownOrUnchangedStatusIsAnsweredAndAskedForAgain_nothingQueued() {
    talk.say("GetTopLeadIntent");

    JsonNode unknown =
        talk.say(AlexaRequests.intent("ChangeLeadStatusIntent").slot("status", "purple"));
    assertThat(speech(unknown))
        .contains("I don't know the status purple", "What should the status");
    assertThat(Talk.directiveType(unknown)).isEqualTo("Dialog.ElicitSlot");

    JsonNode same =
        talk.say(
            AlexaRequests.intent("ChangeLeadStatusIntent").resolvedSlot("status", "open", "OPEN"));
    assertThat(speech(same)).contains("John Smith is already Open - Not Contacted");
    assertThat(skill.queue.sent()).isEmpty();
  }

  @Test
  void asksWhichOneWhenANameMatchesSeveralLeads_thenTakesTheAnswer() {
    JsonNode which =
        talk.say(
            AlexaRequests.intent("LogCallIntent")
                .slot("leadName", "Maria")
                .slot("notes", "she wants a demo"));

    assertThat(speech(which))
        .contains("Which one: Maria Garcia at Northwind, or Maria Gomez at Contoso?");
    assertThat(which.at("/response/directives/0/slotToElicit").asText()).isEqualTo("leadName");

    JsonNode readBack =
        talk.say(
            AlexaRequests.intent("LogCallIntent")
                .resolvedSlot("leadName", "Maria Gomez", "00Q3")
                .slot("notes", "she wants a demo"));
    assertThat(speech(readBack)).contains("Log a call with Maria Gomez: she wants a demo.");
    assertThat(skill.queue.sent()).isEmpty();
  }

  @Test
  void logsACallAfterYes_andEmptyNotesAreAskedForAgain() {
    talk.say("GetTopLeadIntent");

    JsonNode ask = talk.say("LogCallIntent");
    assertThat(speech(ask)).contains("What should the call note for John Smith say?");
    talk.say(AlexaRequests.intent("LogCallIntent").slot("notes", "wants a demo next week"));
    JsonNode done =
        talk.say(
            AlexaRequests.intent("LogCallIntent")
                .confirmation("CONFIRMED")
                .slot("notes", "wants a demo next week"));

    assertThat(speech(done)).contains("logging the call with John Smith");
    assertThat(skill.queue.sent())
        .singleElement()
        .isInstanceOfSatisfying(
            LogCall.class,
            c -> {
              assertThat(c.notes()).isEqualTo("wants a demo next week");
              assertThat(c.callDate()).isEqualTo(LocalDate.of(2026, 3, 1));
              assertThat(c.subject()).isEqualTo("Call with John Smith");
            });
  }

  @Test
  void aFollowUpInThePastIsAskedForAgain_aFutureOneIsQueuedAfterYes() {
    talk.say("GetTopLeadIntent");

    JsonNode past = talk.say(AlexaRequests.intent("FollowUpIntent").slot("due", "2026-02-27"));
    assertThat(speech(past)).contains("That day is in the past.", "When should you follow up");
    JsonNode week = talk.say(AlexaRequests.intent("FollowUpIntent").slot("due", "2026-W11"));
    assertThat(speech(week)).contains("Please tell me a day");

    talk.say(AlexaRequests.intent("FollowUpIntent").slot("due", "2026-03-06"));
    talk.say(
        AlexaRequests.intent("FollowUpIntent").confirmation("CONFIRMED").slot("due", "2026-03-06"));

    assertThat(skill.queue.sent())
        .singleElement()
        .isInstanceOfSatisfying(
            CreateTask.class,
            t -> {
              assertThat(t.dueDate()).isEqualTo(LocalDate.of(2026, 3, 6));
              assertThat(t.subject()).isEqualTo("Follow up with John Smith");
            });
  }

  @Test
  void todayIsTheDevicesDay_fromTheSettingsApi() {
    // 09:00 UTC on 1 March is still 28 February in Honolulu (UTC-10).
    skill.deviceZone = java.time.ZoneId.of("Pacific/Honolulu");
    talk.say("GetTopLeadIntent");

    talk.say(AlexaRequests.intent("FollowUpIntent").slot("due", "2026-02-28"));
    talk.say(
        AlexaRequests.intent("FollowUpIntent").confirmation("CONFIRMED").slot("due", "2026-02-28"));
    talk.say(AlexaRequests.intent("LogCallIntent").slot("notes", "left a voicemail"));
    talk.say(
        AlexaRequests.intent("LogCallIntent")
            .confirmation("CONFIRMED")
            .slot("notes", "left a voicemail"));

    assertThat(skill.queue.sent()).hasSize(2);
    assertThat(skill.queue.sent().get(0))
        .isInstanceOfSatisfying(
            CreateTask.class, t -> assertThat(t.dueDate()).isEqualTo(LocalDate.of(2026, 2, 28)));
    assertThat(skill.queue.sent().get(1))
        .isInstanceOfSatisfying(
            LogCall.class, c -> assertThat(c.callDate()).isEqualTo(LocalDate.of(2026, 2, 28)));
  }

  @Test
  void aDayTheDeviceHasLeftIsInThePast() {
    // 12:00 UTC on 1 March is already 2 March in Kiritimati (UTC+14).
    skill.clock.set(Instant.parse("2026-03-01T12:00:00Z"));
    skill.deviceZone = java.time.ZoneId.of("Pacific/Kiritimati");
    talk.say("GetTopLeadIntent");

    JsonNode past = talk.say(AlexaRequests.intent("FollowUpIntent").slot("due", "2026-03-01"));

    assertThat(speech(past)).contains("That day is in the past.");
    assertThat(skill.queue.sent()).isEmpty();
  }

  @Test
  void aLeadNoLongerOpenIsSaidAndAskedFor_nothingQueued() {
    talk.say("GetTopLeadIntent");
    skill.cacheLeads(ALICE, maria, gomez); // John was closed meanwhile

    JsonNode response =
        talk.say(
            AlexaRequests.intent("ChangeLeadStatusIntent")
                .resolvedSlot("status", "qualified", "QUALIFIED"));

    assertThat(speech(response)).contains("John Smith is no longer an open lead", "Which lead");
    assertThat(skill.queue.sent()).isEmpty();
  }

  @Test
  void undoRightAfterAWriteCancelsIt_soTheWorkerSkipsIt() {
    talk.say("GetTopLeadIntent");
    talk.say(AlexaRequests.intent("LogCallIntent").slot("notes", "left a voicemail"));
    talk.say(
        AlexaRequests.intent("LogCallIntent")
            .confirmation("CONFIRMED")
            .slot("notes", "left a voicemail"));
    String id = skill.queue.sent().get(0).commandId();

    JsonNode undone = talk.say("UndoIntent");

    assertThat(speech(undone)).contains("I cancelled the call log for John Smith");
    assertThat(skill.log.find(id).orElseThrow().state()).isEqualTo(CommandState.CANCELLED);
    assertThat(speech(talk.say("LeadStatusIntent")))
        .contains("the call log for John Smith, was cancelled");
    assertThat(speech(talk.say("UndoIntent"))).contains("is already cancelled");
  }

  @Test
  void undoAfterTheWorkerTookItSaysItIsTooLate() {
    talk.say("GetTopLeadIntent");
    talk.say(AlexaRequests.intent("FollowUpIntent").slot("due", "2026-03-06"));
    talk.say(
        AlexaRequests.intent("FollowUpIntent").confirmation("CONFIRMED").slot("due", "2026-03-06"));
    var command = skill.queue.sent().get(0);
    skill.log.claim(command, skill.clock.instant(), Duration.ofSeconds(30));
    skill.log.markDone(command.commandId(), "00T1", skill.clock.instant());

    assertThat(speech(talk.say("UndoIntent")))
        .contains("the task for John Smith is already saved in Salesforce");
    assertThat(speech(talk.say("LeadStatusIntent")))
        .contains("Your latest change, the task for John Smith, is done in Salesforce.");
  }

  @Test
  void whatHappenedSaysWhyAChangeFailed_inTheUsersLanguage() {
    talk.say("GetTopLeadIntent");
    talk.say(
        AlexaRequests.intent("ChangeLeadStatusIntent")
            .resolvedSlot("status", "qualified", "NOT_INTERESTED"));
    talk.say(
        AlexaRequests.intent("ChangeLeadStatusIntent")
            .confirmation("CONFIRMED")
            .resolvedSlot("status", "qualified", "NOT_INTERESTED"));
    var command = skill.queue.sent().get(0);
    skill.log.claim(command, skill.clock.instant(), Duration.ofSeconds(30));
    skill.log.markFailed(
        command.commandId(), "LEAD_CHANGED", "LEAD_CHANGED", skill.clock.instant());

    assertThat(speech(talk.say("LeadStatusIntent")))
        .contains(
            "didn't go through. John Smith was changed in Salesforce since; I didn't overwrite"
                + " it.");
    Talk german = new Talk(skill::invoke, "de-DE", ALICE_TOKEN);
    assertThat(speech(german.say("LeadStatusIntent")))
        .contains("John Smith wurde inzwischen in Salesforce geändert");
  }

  @Test
  void aGermanConversation_readsBackInGerman() {
    Talk german = new Talk(skill::invoke, "de-DE", ALICE_TOKEN);
    assertThat(speech(german.say("GetTopLeadIntent"))).contains("John Smith", "Sag „nächster“");
    assertThat(speech(german.say("NextLeadIntent"))).contains("Lead 2 von 3.");

    JsonNode readBack =
        german.say(
            AlexaRequests.intent("ChangeLeadStatusIntent")
                .resolvedSlot("status", "qualifiziert", "NOT_INTERESTED"));
    assertThat(speech(readBack))
        .isEqualTo(
            "<speak>Soll ich Maria Garcia von Working - Contacted auf Closed - Not Converted"
                + " ändern?</speak>");
    assertThat(speech(german.say("UndoIntent"))).contains("nichts, was ich rückgängig");
  }
}
