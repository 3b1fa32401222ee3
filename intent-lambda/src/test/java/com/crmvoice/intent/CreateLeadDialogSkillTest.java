package com.crmvoice.intent;

import static com.crmvoice.intent.SkillHarness.directive;
import static com.crmvoice.intent.SkillHarness.envelope;
import static com.crmvoice.intent.SkillHarness.speech;
import static com.crmvoice.intent.SkillHarness.withAttributes;
import static com.crmvoice.intent.SkillHarness.withLocale;
import static org.assertj.core.api.Assertions.assertThat;

import com.crmvoice.core.domain.CreateLead;
import com.crmvoice.core.domain.NewLead;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

/**
 * The create-lead dialog turn by turn, each next request built the way Alexa builds it: the intent
 * from the skill's last directive (its updatedIntent) with the user's answer in the elicited slot,
 * and the session attributes the skill last returned. A skip Alexa routes to AMAZON.NoIntent comes
 * as that intent with the session attributes only.
 */
class CreateLeadDialogSkillTest {

  private final SkillHarness skill = new SkillHarness();
  private int turn;

  /** The next CreateLeadIntent request: the user answered the last directive with {@code value}. */
  private ObjectNode answer(JsonNode last, String value) {
    JsonNode directive = dialogDirective(last);
    ObjectNode next = envelope("create-lead-in-progress-required.json");
    withAttributes(next, last.path("sessionAttributes"));
    ObjectNode request = (ObjectNode) next.get("request");
    request.put("requestId", "amzn1.echo-api.request.dialog-" + ++turn);
    ObjectNode intent = directive.path("updatedIntent").deepCopy();
    if (directive.path("type").asText().equals("Dialog.ElicitSlot") && value != null) {
      ((ObjectNode) intent.path("slots").path(directive.path("slotToElicit").asText()))
          .put("value", value);
    }
    request.set("intent", intent);
    return next;
  }

  /** The user confirms (or denies) the read-back: Alexa sends the intent with that status. */
  private ObjectNode confirm(JsonNode last, String status) {
    ObjectNode next = answer(last, null);
    ((ObjectNode) next.at("/request/intent")).put("confirmationStatus", status);
    return next;
  }

  /** A request for another intent in the same session (NoIntent, FallbackIntent). */
  private ObjectNode other(String envelopeName, JsonNode last, String locale) {
    ObjectNode next = withAttributes(envelope(envelopeName), last.path("sessionAttributes"));
    ((ObjectNode) next.get("request")).put("requestId", "amzn1.echo-api.request.other-" + ++turn);
    return withLocale(next, locale);
  }

  private ObjectNode no(JsonNode last) {
    return other("no-while-offering-first-name.json", last, "en-US");
  }

  private static JsonNode dialogDirective(JsonNode response) {
    for (JsonNode directive : response.at("/response/directives")) {
      if (directive.path("type").asText().startsWith("Dialog.")) {
        return directive;
      }
    }
    throw new AssertionError("no dialog directive in " + response);
  }

  private static String elicited(JsonNode response) {
    JsonNode elicit = directive(response, "Dialog.ElicitSlot");
    assertThat(elicit).as("an ElicitSlot directive in %s", response).isNotNull();
    assertThat(elicit.at("/updatedIntent/name").asText()).isEqualTo("CreateLeadIntent");
    return elicit.path("slotToElicit").asText();
  }

  private JsonNode requiredSlotsIn() {
    return skill.invoke("create-lead-in-progress-required.json");
  }

  @Test
  void onceLastNameAndCompanyAreIn_firstNameIsOffered_sayingItCanBeSkipped() {
    JsonNode response = requiredSlotsIn();

    assertThat(elicited(response)).isEqualTo("firstName");
    assertThat(speech(response))
        .isEqualTo("<speak>What's their first name? You can say skip.</speak>");
    assertThat(response.at("/response/reprompt/outputSpeech/ssml").asText())
        .contains("You can say skip");
    JsonNode progress = response.at("/sessionAttributes/createLead");
    assertThat(progress.path("eliciting").asText()).isEqualTo("firstName");
    assertThat(progress.path("offered").toString()).isEqualTo("[\"firstName\"]");
    assertThat(
            directive(response, "Dialog.ElicitSlot")
                .at("/updatedIntent/slots/company/value")
                .asText())
        .isEqualTo("Acme");
    assertThat(skill.queue.sent()).isEmpty();
  }

  @Test
  void theOptionalDetailsAreOfferedInOrder_firstNameEmailPhone_thenReadBack() {
    JsonNode first = requiredSlotsIn();
    JsonNode email = skill.invoke(answer(first, "John"));
    JsonNode phone = skill.invoke(answer(email, "john dot smith at acme dot com"));
    JsonNode readBack = skill.invoke(answer(phone, "555 0100"));

    assertThat(elicited(email)).isEqualTo("email");
    assertThat(speech(email))
        .contains("What's their email address?", "it's john dot smith at acme dot com", "skip");
    assertThat(elicited(phone)).isEqualTo("phone");
    assertThat(speech(phone)).contains("What's their phone number? You can say skip.");
    assertThat(
            directive(phone, "Dialog.ElicitSlot").at("/updatedIntent/slots/email/value").asText())
        .isEqualTo("john.smith@acme.com");
    assertThat(directive(readBack, "Dialog.ConfirmIntent")).isNotNull();
    assertThat(speech(readBack))
        .isEqualTo(
            "<speak>I'll add John Smith from Acme. Email: john.smith@acme.com. Phone: <say-as interpret-as=\"telephone\">555 0100</say-as>."
                + " Shall I add this lead to Salesforce?</speak>");
  }

  @Test
  void theFullHappyPath_queuesALeadWithAllFiveDetails() {
    JsonNode last = requiredSlotsIn();
    last = skill.invoke(answer(last, "John"));
    last = skill.invoke(answer(last, "john dot smith at acme dot com"));
    last = skill.invoke(answer(last, "+1 555 0100"));

    JsonNode done = skill.invoke(confirm(last, "CONFIRMED"));

    assertThat(speech(done))
        .isEqualTo("<speak>Okay, I'm adding John Smith from Acme to Salesforce.</speak>");
    assertThat(done.at("/response/shouldEndSession").asBoolean()).isTrue();
    assertThat(skill.queue.sent())
        .singleElement()
        .isInstanceOfSatisfying(
            CreateLead.class,
            c ->
                assertThat(c.lead())
                    .isEqualTo(
                        new NewLead(
                            "John", "Smith", "Acme", "john.smith@acme.com", "+1 555 0100")));
    assertThat(done.at("/sessionAttributes/createLead").isMissingNode()).isTrue();
  }

  @Test
  void skip_routedToNoIntent_declinesTheOfferedDetail_andOffersTheNext_keepingTheValues() {
    JsonNode first = requiredSlotsIn();

    JsonNode response = skill.invoke(no(first));

    assertThat(elicited(response)).isEqualTo("email");
    JsonNode updated = directive(response, "Dialog.ElicitSlot").path("updatedIntent");
    assertThat(updated.at("/slots/lastName/value").asText()).isEqualTo("Smith");
    assertThat(updated.at("/slots/company/value").asText()).isEqualTo("Acme");
    assertThat(updated.at("/slots/firstName/value").isMissingNode()).isTrue();
    assertThat(updated.path("confirmationStatus").asText()).isEqualTo("NONE");
    assertThat(response.at("/sessionAttributes/createLead/declined").toString())
        .isEqualTo("[\"firstName\"]");
  }

  @Test
  void skip_saidIntoTheElicitedSlot_declinesItToo() {
    JsonNode first = requiredSlotsIn();

    JsonNode response = skill.invoke(answer(first, "Skip"));

    assertThat(elicited(response)).isEqualTo("email");
    assertThat(
            directive(response, "Dialog.ElicitSlot")
                .at("/updatedIntent/slots/firstName/value")
                .isMissingNode())
        .isTrue();
  }

  @Test
  void skippingEverything_asksEachDetailOnce_andQueuesTheLeadWithoutThem() {
    JsonNode last = requiredSlotsIn();
    last = skill.invoke(no(last));
    last = skill.invoke(answer(last, "none"));
    JsonNode readBack = skill.invoke(no(last));

    assertThat(directive(readBack, "Dialog.ConfirmIntent")).isNotNull();
    assertThat(directive(readBack, "Dialog.ConfirmIntent").at("/updatedIntent/name").asText())
        .isEqualTo("CreateLeadIntent");
    assertThat(speech(readBack))
        .isEqualTo("<speak>I'll add Smith from Acme. Shall I add this lead to Salesforce?</speak>");
    assertThat(readBack.at("/sessionAttributes/createLead/declined").toString())
        .isEqualTo("[\"firstName\",\"email\",\"phone\"]");

    JsonNode done = skill.invoke(confirm(readBack, "CONFIRMED"));

    assertThat(speech(done)).contains("adding Smith from Acme");
    assertThat(skill.queue.sent())
        .singleElement()
        .isInstanceOfSatisfying(
            CreateLead.class,
            c -> assertThat(c.lead()).isEqualTo(new NewLead(null, "Smith", "Acme", null, null)));
  }

  @Test
  void aDeclinedDetailStaysEmpty_evenWhenAlexaFillsItLater() {
    JsonNode email = skill.invoke(no(requiredSlotsIn()));
    ObjectNode next = answer(email, "john at acme dot com");
    ((ObjectNode) next.at("/request/intent/slots/firstName")).put("value", "Skip");

    JsonNode phone = skill.invoke(next);

    assertThat(elicited(phone)).isEqualTo("phone");
    assertThat(
            directive(phone, "Dialog.ElicitSlot")
                .at("/updatedIntent/slots/firstName/value")
                .isMissingNode())
        .isTrue();
  }

  @Test
  void aBadEmail_isAskedForAgainWithTheReason_andCanThenBeSkipped() {
    JsonNode email = skill.invoke(answer(requiredSlotsIn(), "John"));

    JsonNode again = skill.invoke(answer(email, "john at"));

    assertThat(elicited(again)).isEqualTo("email");
    assertThat(speech(again))
        .startsWith("<speak>That doesn't sound like an email address. What's their email address?")
        .contains("You can say skip.");
    assertThat(
            directive(again, "Dialog.ElicitSlot")
                .at("/updatedIntent/slots/firstName/value")
                .asText())
        .isEqualTo("John");

    JsonNode phone = skill.invoke(no(again));

    assertThat(elicited(phone)).isEqualTo("phone");
    assertThat(skill.queue.sent()).isEmpty();
  }

  @Test
  void aBadPhoneNumber_isAskedForAgain_andAGoodOneIsTaken() {
    JsonNode last = skill.invoke(answer(requiredSlotsIn(), "John"));
    last = skill.invoke(no(last));

    JsonNode again = skill.invoke(answer(last, "call me maybe"));
    JsonNode readBack = skill.invoke(answer(again, "555 0100"));

    assertThat(elicited(again)).isEqualTo("phone");
    assertThat(speech(again)).contains("doesn't sound like a phone number", "You can say skip.");
    assertThat(speech(readBack))
        .contains(
            "I'll add John Smith from Acme. Phone: <say-as interpret-as=\"telephone\">555 0100</say-as>.");
  }

  @Test
  void anAnswerAlexaCouldNotPlace_isAskedForAgain_withAnApology_keepingTheValues() {
    JsonNode email = skill.invoke(answer(requiredSlotsIn(), "John"));

    JsonNode again = skill.invoke(other("fallback.json", email, "en-US"));

    assertThat(elicited(again)).isEqualTo("email");
    assertThat(speech(again)).startsWith("<speak>Sorry, I didn't catch that. What's their email");
    assertThat(
            directive(again, "Dialog.ElicitSlot")
                .at("/updatedIntent/slots/firstName/value")
                .asText())
        .isEqualTo("John");
  }

  @Test
  void helpWhileADetailIsAskedFor_explainsAndAsksAgain_keepingTheValues() {
    JsonNode email = skill.invoke(answer(requiredSlotsIn(), "John"));

    JsonNode again = skill.invoke(other("help.json", email, "en-US"));

    assertThat(elicited(again)).isEqualTo("email");
    assertThat(speech(again))
        .startsWith("<speak>I'm adding a lead to Salesforce. Only the last name and the company")
        .contains("What's their email address?");
    assertThat(
            directive(again, "Dialog.ElicitSlot")
                .at("/updatedIntent/slots/firstName/value")
                .asText())
        .isEqualTo("John");
  }

  @Test
  void noOutsideTheDialog_saysGoodbye() {
    ObjectNode no = envelope("no-while-offering-first-name.json");
    ((ObjectNode) no.get("session")).putObject("attributes");

    JsonNode response = skill.invoke(no);

    assertThat(speech(response)).isEqualTo("<speak>Goodbye.</speak>");
    assertThat(response.at("/response/shouldEndSession").asBoolean()).isTrue();
  }

  @Test
  void aNewDialogForgetsTheOldOne() {
    JsonNode skipped = skill.invoke(no(requiredSlotsIn()));
    ObjectNode restarted =
        withAttributes(envelope("create-lead-started.json"), skipped.path("sessionAttributes"));
    ((ObjectNode) restarted.at("/request/intent/slots/lastName")).put("value", "Jones");
    ((ObjectNode) restarted.at("/request/intent/slots/company")).put("value", "Initech");

    JsonNode response = skill.invoke(restarted);

    assertThat(elicited(response)).isEqualTo("firstName");
    assertThat(response.at("/sessionAttributes/createLead/declined").toString()).isEqualTo("[]");
  }

  @Test
  void aResumedDialogThatComesBackAsStarted_keepsItsProgress() {
    JsonNode email = skill.invoke(no(requiredSlotsIn()));
    ObjectNode next = answer(email, "john at acme dot com");
    ((ObjectNode) next.get("request")).put("dialogState", "STARTED");

    JsonNode phone = skill.invoke(next);

    assertThat(elicited(phone)).isEqualTo("phone");
    assertThat(phone.at("/sessionAttributes/createLead/declined").toString())
        .isEqualTo("[\"firstName\"]");
  }

  @Test
  void germanDialogsOfferTheDetailsInGerman_andUnderstandUeberspringen() {
    JsonNode first =
        skill.invoke(withLocale(envelope("create-lead-in-progress-required.json"), "de-DE"));
    ObjectNode skip = answer(first, "überspringen");
    withLocale(skip, "de-DE");
    JsonNode email = skill.invoke(skip);
    JsonNode phone = skill.invoke(other("no-while-offering-first-name.json", email, "de-DE"));
    ObjectNode number = withLocale(answer(phone, "030 1234567"), "de-DE");
    JsonNode readBack = skill.invoke(number);

    assertThat(speech(first))
        .isEqualTo("<speak>Wie lautet der Vorname? Du kannst auch überspringen sagen.</speak>");
    assertThat(elicited(email)).isEqualTo("email");
    assertThat(speech(email)).contains("Wie lautet die E-Mail-Adresse?", "überspringen");
    assertThat(elicited(phone)).isEqualTo("phone");
    assertThat(speech(phone)).contains("Wie lautet die Telefonnummer?");
    assertThat(speech(readBack))
        .isEqualTo(
            "<speak>Ich lege Smith von Acme an. Telefon: <say-as interpret-as=\"telephone\">030 1234567</say-as>."
                + " Soll ich diesen Lead in Salesforce anlegen?</speak>");
  }
}
