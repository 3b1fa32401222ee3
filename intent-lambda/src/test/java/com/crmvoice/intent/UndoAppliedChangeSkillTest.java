package com.crmvoice.intent;

import static com.crmvoice.intent.SkillHarness.ALICE;
import static com.crmvoice.intent.SkillHarness.ALICE_TOKEN;
import static com.crmvoice.intent.Talk.speech;
import static org.assertj.core.api.Assertions.assertThat;

import com.crmvoice.core.domain.CrmCommand;
import com.crmvoice.core.domain.Lead;
import com.crmvoice.core.domain.UpdateLeadStatus;
import com.crmvoice.testkit.alexa.AlexaRequests;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * "Undo that" after the worker already applied a status change: said so, and offered to be set
 * back; yes queues the reverse change (conditional, once), no leaves it.
 */
class UndoAppliedChangeSkillTest {

  private static final Instant HEARD = Instant.parse("2026-02-20T08:00:00Z");
  private static final Instant WRITTEN = Instant.parse("2026-03-01T09:00:05Z");

  private final SkillHarness skill = new SkillHarness();
  private Talk talk;
  private Lead john;

  private static Lead john(String status, Instant modified) {
    return new Lead(
        "00Q1",
        ALICE,
        "John",
        "Smith",
        "Acme",
        "john@acme.com",
        "+1 555 0100",
        status,
        Instant.parse("2026-01-01T00:00:00Z"),
        modified);
  }

  @BeforeEach
  void leads() {
    john = john("Open - Not Contacted", HEARD);
    skill.cacheLeads(ALICE, john);
    skill.crm.put(john);
  }

  /** The status change, confirmed, then applied by the worker (the log DONE, the cache written). */
  private UpdateLeadStatus appliedChange(String locale) {
    talk = new Talk(skill::invoke, locale, ALICE_TOKEN);
    talk.say("GetTopLeadIntent");
    talk.say(
        AlexaRequests.intent("ChangeLeadStatusIntent")
            .confirmation("CONFIRMED")
            .resolvedSlot("status", "contacted", "CONTACTED"));
    UpdateLeadStatus change = (UpdateLeadStatus) skill.queue.sent().get(0);
    skill.log.claim(change, skill.clock.instant(), Duration.ofSeconds(30));
    skill.log.markDone(change.commandId(), change.leadId(), skill.clock.instant());
    skill.cacheLeads(ALICE, john("Working - Contacted", WRITTEN));
    return change;
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "en-US|Shall I set John Smith back to Open - Not Contacted?|I'm setting John Smith to Open",
        "en-GB|Shall I set John Smith back to Open - Not Contacted?|I'm setting John Smith to Open",
        "de-DE|Soll ich John Smith wieder auf Open - Not Contacted setzen?|ich setze John Smith",
      })
  void anAppliedStatusChangeIsOfferedToBeSetBack_yesQueuesTheReverseOnce(
      String locale, String offer, String queued) {
    UpdateLeadStatus change = appliedChange(locale);

    JsonNode offered = talk.say("UndoIntent");

    assertThat(speech(offered)).contains(offer);
    assertThat(Talk.directiveType(offered)).isEqualTo("Dialog.ConfirmIntent");
    assertThat(offered.at("/response/directives/0/updatedIntent/name").asText())
        .isEqualTo("UndoIntent");
    assertThat(skill.queue.sent()).hasSize(1);

    String yes = "amzn1.echo-api.request.yes-" + locale;
    JsonNode done =
        talk.say(AlexaRequests.intent("UndoIntent").confirmation("CONFIRMED").requestId(yes));

    assertThat(speech(done)).contains(queued);
    assertThat(skill.queue.sent()).hasSize(2);
    CrmCommand reverse = skill.queue.sent().get(1);
    assertThat(reverse)
        .isInstanceOfSatisfying(
            UpdateLeadStatus.class,
            u -> {
              assertThat(u.commandId()).isNotEqualTo(change.commandId());
              assertThat(u.leadId()).isEqualTo("00Q1");
              assertThat(u.fromStatus()).isEqualTo("Working - Contacted");
              assertThat(u.toStatus()).isEqualTo("Open - Not Contacted");
              // Conditional on the version the worker's write left in the cache.
              assertThat(u.heardModifiedAt()).isEqualTo(WRITTEN);
            });
    assertThat(skill.log.find(reverse.commandId())).isPresent();
  }

  @Test
  void aRetriedYesQueuesTheReverseOnlyOnce() {
    appliedChange("en-US");
    talk.say("UndoIntent");
    String yes = "amzn1.echo-api.request.yes-retried";
    talk.say(AlexaRequests.intent("UndoIntent").confirmation("CONFIRMED").requestId(yes));

    // Alexa retries the same request (same id, the offer's session attributes).
    Talk again = new Talk(skill::invoke, "en-US", ALICE_TOKEN);
    again.say(
        AlexaRequests.intent("UndoIntent")
            .confirmation("CONFIRMED")
            .requestId(yes)
            .sessionAttribute("revertOffered", skill.queue.sent().get(0).commandId()));

    assertThat(skill.queue.sent()).hasSize(2);
  }

  @Test
  void noLeavesTheChange_nothingQueued() {
    appliedChange("en-US");
    talk.say("UndoIntent");

    JsonNode no = talk.say(AlexaRequests.intent("UndoIntent").confirmation("DENIED"));

    assertThat(speech(no)).contains("Okay, John Smith stays Working - Contacted.");
    assertThat(skill.queue.sent()).hasSize(1);
    assertThat(no.at("/sessionAttributes/revertOffered").isMissingNode()).isTrue();
  }

  @Test
  void anAppliedCallLogIsOnlyReported_notOffered() {
    talk = new Talk(skill::invoke, "en-US", ALICE_TOKEN);
    talk.say("GetTopLeadIntent");
    talk.say(
        AlexaRequests.intent("LogCallIntent")
            .confirmation("CONFIRMED")
            .slot("notes", "left a voicemail"));
    CrmCommand call = skill.queue.sent().get(0);
    skill.log.claim(call, skill.clock.instant(), Duration.ofSeconds(30));
    skill.log.markDone(call.commandId(), "00T1", skill.clock.instant());

    JsonNode said = talk.say("UndoIntent");

    assertThat(speech(said)).contains("is already saved in Salesforce, so I can't undo it");
    assertThat(Talk.directiveType(said)).isNotEqualTo("Dialog.ConfirmIntent");
  }
}
