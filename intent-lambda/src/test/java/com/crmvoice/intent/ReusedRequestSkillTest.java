package com.crmvoice.intent;

import static com.crmvoice.intent.SkillHarness.envelope;
import static com.crmvoice.intent.SkillHarness.speech;
import static com.crmvoice.intent.SkillHarness.withLocale;
import static com.crmvoice.intent.SkillHarness.withSlot;
import static org.assertj.core.api.Assertions.assertThat;

import com.crmvoice.core.domain.CreateLead;
import org.junit.jupiter.api.Test;

/** A confirming request id that comes back with another lead is answered truthfully. */
class ReusedRequestSkillTest {

  private final SkillHarness skill = new SkillHarness();

  @Test
  void aRequestIdReusedForAnotherLeadIsNotAnsweredAdding_andQueuesNothing() {
    skill.invoke("create-lead-completed-confirmed.json");

    String reused =
        speech(
            skill.invoke(
                withSlot(envelope("create-lead-completed-confirmed.json"), "lastName", "Doe")));

    assertThat(reused)
        .isEqualTo(
            "<speak>Sorry, I already had this request with other details, so I haven't added"
                + " John Doe from Acme. Please ask me to add it again.</speak>");
    assertThat(skill.queue.sent())
        .singleElement()
        .satisfies(c -> assertThat(((CreateLead) c).lead().lastName()).isEqualTo("Smith"));
  }

  @Test
  void theAnswerIsGivenInGermanAndBritishEnglishToo() {
    skill.invoke("create-lead-completed-confirmed.json");

    String german =
        speech(
            skill.invoke(
                withLocale(
                    withSlot(envelope("create-lead-completed-confirmed.json"), "lastName", "Doe"),
                    "de-DE")));
    String british =
        speech(
            skill.invoke(
                withLocale(
                    withSlot(envelope("create-lead-completed-confirmed.json"), "lastName", "Doe"),
                    "en-GB")));

    assertThat(german).contains("mit anderen Angaben", "nicht angelegt");
    assertThat(british).contains("with other details", "haven't added");
    assertThat(skill.queue.sent()).hasSize(1);
  }

  @Test
  void theSameConfirmationRetriedIsStillAnsweredAdding() {
    skill.invoke("create-lead-completed-confirmed.json");

    assertThat(speech(skill.invoke("create-lead-completed-confirmed.json")))
        .contains("adding John Smith from Acme");
  }
}
