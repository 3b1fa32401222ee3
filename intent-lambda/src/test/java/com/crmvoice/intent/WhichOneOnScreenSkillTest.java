package com.crmvoice.intent;

import static com.crmvoice.intent.SkillHarness.ALICE;
import static com.crmvoice.intent.SkillHarness.ALICE_TOKEN;
import static com.crmvoice.intent.Talk.speech;
import static org.assertj.core.api.Assertions.assertThat;

import com.crmvoice.core.domain.Lead;
import com.crmvoice.core.domain.UpdateLeadStatus;
import com.crmvoice.testkit.alexa.AlexaRequests;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Several leads match a name: besides "Which one: …", a device with a screen shows the list
 * (Alexa.Presentation.APL.RenderDocument), and a touch on an item (an APL UserEvent with the lead's
 * id) answers the question: the pending action continues with that lead.
 */
class WhichOneOnScreenSkillTest {

  private final SkillHarness skill = new SkillHarness();
  private final Talk talk = new Talk(skill::invoke, "en-US", ALICE_TOKEN);

  private static Lead lead(String id, String first, String last, String company, String status) {
    return new Lead(
        id,
        ALICE,
        first,
        last,
        company,
        null,
        "+1 555 0100",
        status,
        Instant.parse("2026-01-0" + id.charAt(id.length() - 1) + "T00:00:00Z"));
  }

  @BeforeEach
  void leads() {
    Lead john = lead("00Q1", "John", "Smith", "Acme", "Open - Not Contacted");
    Lead garcia = lead("00Q2", "Maria", "Garcia", "Northwind", "Working - Contacted");
    Lead gomez = lead("00Q3", "Maria", "Gomez", "Contoso", "Open - Not Contacted");
    skill.cacheLeads(ALICE, john, garcia, gomez);
    skill.crm.put(john);
    skill.crm.put(garcia);
    skill.crm.put(gomez);
  }

  private static List<String> types(JsonNode response) {
    List<String> types = new ArrayList<>();
    response.at("/response/directives").forEach(d -> types.add(d.path("type").asText()));
    return types;
  }

  private static JsonNode directive(JsonNode response, String type) {
    for (JsonNode d : response.at("/response/directives")) {
      if (d.path("type").asText().equals(type)) {
        return d;
      }
    }
    throw new AssertionError("no " + type + " in " + response);
  }

  private JsonNode askForMaria() {
    return talk.say(
        AlexaRequests.intent("ChangeLeadStatusIntent")
            .withApl()
            .slot("leadName", "Maria")
            .resolvedSlot("status", "contacted", "CONTACTED"));
  }

  @Test
  void aScreenShowsTheChoicesAsAList_besidesTheSpokenQuestion() {
    JsonNode which = askForMaria();

    assertThat(speech(which))
        .contains("Which one: Maria Garcia at Northwind, or Maria Gomez at Contoso?");
    assertThat(types(which))
        .containsExactlyInAnyOrder("Alexa.Presentation.APL.RenderDocument", "Dialog.ElicitSlot");
    JsonNode list = directive(which, "Alexa.Presentation.APL.RenderDocument");
    assertThat(list.path("token").asText()).isEqualTo("leadChoice");
    assertThat(list.at("/datasources/choice/title").asText()).isEqualTo("Which one? Touch a lead.");
    JsonNode items = list.at("/datasources/choice/items");
    assertThat(items).hasSize(2);
    assertThat(items.get(0).path("id").asText()).isEqualTo("00Q2");
    assertThat(items.get(0).path("label").asText()).isEqualTo("Maria Garcia at Northwind");
    assertThat(items.get(1).path("id").asText()).isEqualTo("00Q3");
    // The document sends the item's id when it is touched.
    assertThat(list.at("/document/mainTemplate").toString())
        .contains("SendEvent", "leadSelected", "${data.id}");
  }

  @Test
  void aTouchSelectsThatLead_andThePendingStatusChangeContinues() {
    askForMaria();

    JsonNode readBack =
        talk.say(AlexaRequests.userEvent("leadChoice", List.of("leadSelected", "00Q3")));

    assertThat(speech(readBack))
        .contains("Change Maria Gomez from Open - Not Contacted to Working - Contacted?");
    assertThat(types(readBack)).contains("Dialog.ConfirmIntent");
    JsonNode updated = directive(readBack, "Dialog.ConfirmIntent").path("updatedIntent");
    assertThat(updated.path("name").asText()).isEqualTo("ChangeLeadStatusIntent");
    assertThat(updated.at("/slots/status/value").asText()).isEqualTo("contacted");
    assertThat(skill.queue.sent()).isEmpty();

    talk.say(
        AlexaRequests.intent("ChangeLeadStatusIntent")
            .withApl()
            .confirmation("CONFIRMED")
            .resolvedSlot("status", "contacted", "CONTACTED"));

    assertThat(skill.queue.sent())
        .singleElement()
        .isInstanceOfSatisfying(
            UpdateLeadStatus.class,
            u -> {
              assertThat(u.leadId()).isEqualTo("00Q3");
              assertThat(u.toStatus()).isEqualTo("Working - Contacted");
            });
  }

  @Test
  void withoutAScreenOnlyTheQuestionIsSpoken() {
    JsonNode which =
        talk.say(
            AlexaRequests.intent("LogCallIntent")
                .slot("leadName", "Maria")
                .slot("notes", "she wants a demo"));

    assertThat(types(which)).containsExactly("Dialog.ElicitSlot");
  }

  @Test
  void aTouchWithNoQuestionOpenPutsThatLeadInFocus() {
    JsonNode shown =
        talk.say(AlexaRequests.userEvent("leadChoice", List.of("leadSelected", "00Q3")));

    assertThat(speech(shown)).contains("Maria Gomez");
    JsonNode ask = talk.say("LogCallIntent");
    assertThat(speech(ask)).contains("What should the call note for Maria Gomez say?");
  }

  @Test
  void aTouchOnALeadThatIsNotTheUsersOpenLeadFindsNothing_nothingQueued() {
    askForMaria();

    JsonNode again =
        talk.say(AlexaRequests.userEvent("leadChoice", List.of("leadSelected", "00Q999")));

    assertThat(speech(again)).contains("is no longer an open lead", "Which lead");
    assertThat(skill.queue.sent()).isEmpty();
  }
}
