package com.crmvoice.intent;

import static com.crmvoice.intent.SkillHarness.directive;
import static com.crmvoice.intent.SkillHarness.envelope;
import static com.crmvoice.intent.SkillHarness.speech;
import static com.crmvoice.intent.SkillHarness.withAttributes;
import static com.crmvoice.intent.SkillHarness.withLocale;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

/**
 * A value SQS cannot carry (or any control character) is refused by the dialog with its reason and
 * asked for again, never queued and answered "try again in a moment" as if the queue were down.
 */
class CreateLeadHostileValuesSkillTest {

  private final SkillHarness skill = new SkillHarness();
  private int turn;

  private ObjectNode answer(JsonNode last, String value, String locale) {
    JsonNode elicit = directive(last, "Dialog.ElicitSlot");
    ObjectNode next = envelope("create-lead-in-progress-required.json");
    withAttributes(next, last.path("sessionAttributes"));
    ObjectNode request = (ObjectNode) next.get("request");
    request.put("requestId", "amzn1.echo-api.request.hostile-" + ++turn);
    ObjectNode intent = elicit.path("updatedIntent").deepCopy();
    ((ObjectNode) intent.path("slots").path(elicit.path("slotToElicit").asText()))
        .put("value", value);
    request.set("intent", intent);
    return withLocale(next, locale);
  }

  private JsonNode firstNameOffered(String locale) {
    return skill.invoke(withLocale(envelope("create-lead-in-progress-required.json"), locale));
  }

  @Test
  void aFirstNameSqsCannotCarry_isAskedForAgainWithTheReason_andNothingIsQueued() {
    for (String hostile : new String[] {"Jo\uFFFFhn", "Jo\u0007hn", "Jo\u001Bhn", "Jo\u000Bhn"}) {
      JsonNode again = skill.invoke(answer(firstNameOffered("en-US"), hostile, "en-US"));

      assertThat(directive(again, "Dialog.ElicitSlot").path("slotToElicit").asText())
          .isEqualTo("firstName");
      assertThat(speech(again))
          .startsWith(
              "<speak>That first name has characters in it I can't pass on to Salesforce, such"
                  + " as control characters. What's their first name?")
          .doesNotContain("try again in a moment");
    }
    assertThat(skill.queue.sent()).isEmpty();
  }

  @Test
  void theReasonIsSpokenInGermanAndBritishEnglishToo() {
    JsonNode german = skill.invoke(answer(firstNameOffered("de-DE"), "Jo\uFFFFhn", "de-DE"));
    JsonNode british = skill.invoke(answer(firstNameOffered("en-GB"), "Jo\uFFFFhn", "en-GB"));

    assertThat(speech(german)).contains("enthält Zeichen, die ich nicht an Salesforce weitergeben");
    assertThat(speech(british)).contains("characters in it I can't pass on to Salesforce");
    assertThat(skill.queue.sent()).isEmpty();
  }
}
