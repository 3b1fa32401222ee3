package com.crmvoice.simulator.dialog;

import com.crmvoice.simulator.dialog.Output.Card;
import com.crmvoice.simulator.dialog.Output.Notice;
import com.crmvoice.simulator.dialog.Output.Reprompt;
import com.crmvoice.simulator.dialog.Output.Speech;
import com.crmvoice.simulator.dialog.Output.UserTurn;
import com.crmvoice.simulator.dialog.SkillEndpoint.SkillFailedException;
import com.crmvoice.simulator.model.InteractionModel;
import com.crmvoice.simulator.model.UtteranceMatcher;
import com.crmvoice.simulator.model.UtteranceMatcher.Invocation;
import com.crmvoice.simulator.model.UtteranceMatcher.InvocationKind;
import com.crmvoice.simulator.model.UtteranceMatcher.Match;
import com.crmvoice.testkit.alexa.AlexaRequests;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Alexa's side of a conversation with a custom skill, for typed text: it opens and closes sessions,
 * turns each utterance into the request envelope Alexa would send (LaunchRequest, IntentRequest
 * with slots, dialogState and confirmation statuses, SessionEndedRequest), and follows the dialog
 * directives of the skill's response as Alexa does. After Dialog.Delegate it lets the dialog model
 * ({@link DialogModelEngine}) elicit, validate and confirm slots and the intent, and sends the
 * intent with dialogState COMPLETED when nothing is left; after Dialog.ElicitSlot, ConfirmSlot or
 * ConfirmIntent the next answer fills that slot or sets that confirmation. Intents whose dialog is
 * auto-delegated (delegationStrategy ALWAYS) reach the skill only when complete. Session attributes
 * are carried from response to request, and shouldEndSession is honoured as on a voice-only device
 * (omitted ends the session unless a dialog directive keeps it open).
 */
public final class Conversation {

  /** The device and skill a request envelope names. */
  public record Device(
      String skillId, String userId, String locale, String apiEndpoint, String apiAccessToken) {}

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String FALLBACK = "AMAZON.FallbackIntent";

  /** Consecutive skill calls one user turn may cause (Delegate → COMPLETED → Delegate ...). */
  private static final int MAX_CALLS_PER_TURN = 6;

  private final InteractionModel model;
  private final UtteranceMatcher matcher;
  private final SkillEndpoint skill;
  private final Consumer<Output> out;
  private final Clock clock;
  private final Device device;
  private final DialogModelEngine dialogModel;
  private final DialogPrompts prompts;
  private final DynamicEntities dynamicEntities;
  private final SpokenSlots spokenSlots;
  private Supplier<String> accessToken = () -> null;
  private final Screen screen = new Screen();

  private String sessionId;
  private boolean sessionNew;
  private ObjectNode attributes = JSON.createObjectNode();
  private ActiveDialog dialog;
  private Expectation expectation;

  private int callsThisTurn;

  public Conversation(
      InteractionModel model,
      SkillEndpoint skill,
      Device device,
      Consumer<Output> out,
      Clock clock) {
    this.model = model;
    this.matcher = new UtteranceMatcher(model, device.locale());
    this.skill = skill;
    this.device = device;
    this.out = out;
    this.clock = clock;
    this.dialogModel = new DialogModelEngine(model);
    this.prompts = new DialogPrompts(model.prompts());
    this.dynamicEntities = new DynamicEntities(model);
    this.spokenSlots = new SpokenSlots(model, dynamicEntities, clock);
  }

  /** What the user says to reach the skill: the model's invocation name. */
  public String invocationName() {
    return matcher.model().invocationName();
  }

  /** The account-linking access token to put in each envelope (null: not linked). */
  public synchronized void accessToken(Supplier<String> token) {
    this.accessToken = token;
  }

  public synchronized boolean sessionOpen() {
    return sessionId != null;
  }

  /** The slot Alexa is waiting for, if any. */
  public synchronized Optional<String> elicitedSlot() {
    return expectation instanceof Expectation.ElicitSlot e
        ? Optional.of(e.slot())
        : Optional.empty();
  }

  /** Whether Alexa is waiting for a yes or a no (slot or intent confirmation). */
  public synchronized boolean awaitingConfirmation() {
    return expectation instanceof Expectation.ConfirmSlot
        || expectation instanceof Expectation.ConfirmIntent;
  }

  /** The intent whose dialog is under way, if any. */
  public synchronized Optional<String> activeIntent() {
    return dialog == null ? Optional.empty() : Optional.of(dialog.intent);
  }

  /** One user turn: what the user said, as text. */
  public synchronized void say(String text) {
    out.accept(new UserTurn(text));
    callsThisTurn = 0;
    Invocation invocation = matcher.invocation(text);
    if (invocation.kind() == InvocationKind.LAUNCH) {
      newSession();
      send(envelope(AlexaRequests.launch()));
      return;
    }
    if (!sessionOpen() || invocation.kind() == InvocationKind.ONE_SHOT) {
      newSession();
      startIntent(matcher.match(invocation.utterances()));
      return;
    }
    inSession(invocation.utterances());
  }

  /** The device's screen: on for a device with APL (see {@link Screen}). */
  public Screen screen() {
    return screen;
  }

  /** The user touches item {@code n} of the list on the screen: its APL UserEvent. */
  public synchronized void touch(int n) {
    Optional<AlexaRequests> event = screen.touch(n);
    if (event.isEmpty() || !sessionOpen()) {
      out.accept(new Notice("nothing to touch: no list with item " + n + " on the screen"));
      return;
    }
    callsThisTurn = 0;
    send(envelope(event.get()));
  }

  /** The user walks away or quits: a SessionEndedRequest if a session is open. */
  public synchronized void endSession(String reason) {
    if (!sessionOpen()) {
      return;
    }
    try {
      skill.invoke(envelope(AlexaRequests.sessionEnded(reason)));
    } catch (SkillFailedException e) {
      out.accept(new Notice("the skill failed on SessionEndedRequest: " + e.getMessage()));
    }
    closeSession();
  }

  // ---- understanding ----

  private void inSession(List<String> utterances) {
    if (expectation instanceof Expectation.ElicitSlot elicit && dialog != null) {
      Optional<Match> within = matcher.matchWithin(utterances, dialog.intent, elicit.slot());
      Optional<Match> other = matcher.match(utterances);
      if (other.isPresent()
          && !other.get().intent().equals(dialog.intent)
          && (within.isEmpty() || within.get().slotOnly())) {
        startIntent(other);
        return;
      }
      if (within.isPresent()) {
        fill(within.get().slots());
      } else if (other.isPresent()) {
        fill(other.get().slots());
      } else {
        dialog.set(elicit.slot(), UtteranceMatcher.normalize(utterances.get(0)));
      }
      continueDialog();
      return;
    }
    if (awaitingConfirmation() && dialog != null) {
      Optional<Boolean> answer = matcher.confirmation(utterances);
      if (answer.isPresent()) {
        String status = answer.get() ? "CONFIRMED" : "DENIED";
        if (expectation instanceof Expectation.ConfirmSlot confirm) {
          dialog.slot(confirm.slot()).confirmation = status;
        } else {
          dialog.confirmation = status;
        }
        continueDialog();
        return;
      }
      Optional<Match> match = matcher.match(utterances);
      if (match.isPresent() && match.get().intent().equals(dialog.intent)) {
        fill(match.get().slots());
        continueDialog();
        return;
      }
      startIntent(match);
      return;
    }
    startIntent(matcher.match(utterances));
  }

  private void startIntent(Optional<Match> match) {
    expectation = null;
    String name;
    if (match.isPresent()) {
      name = match.get().intent();
    } else if (model.intent(FALLBACK).isPresent()) {
      name = FALLBACK;
    } else {
      out.accept(
          new Notice(
              "Alexa did not understand: no sample utterance of the model matches, and the"
                  + " model has no AMAZON.FallbackIntent"));
      if (sessionNew) {
        closeSession();
      }
      return;
    }
    dialog = new ActiveDialog(name, model);
    match.ifPresent(m -> fill(m.slots()));
    if (dialog.model == null) {
      sendIntent(null);
    } else if (dialog.auto) {
      alexaStep();
    } else {
      sendIntent("STARTED");
    }
  }

  private void continueDialog() {
    if (dialog.model != null && dialog.auto) {
      alexaStep();
    } else {
      sendIntent(dialog.model == null ? null : "IN_PROGRESS");
    }
  }

  private void fill(Map<String, String> values) {
    values.forEach(dialog::set);
  }

  // ---- Alexa's dialog management (after Dialog.Delegate, or auto-delegated) ----

  private void alexaStep() {
    DialogModelEngine.Step step = dialogModel.next(dialog);
    if (step instanceof DialogModelEngine.Step.Prompt prompt) {
      Optional<String> spoken = prompts.next(prompt.promptId(), dialog.values());
      if (spoken.isPresent()) {
        out.accept(new Speech(spoken.get()));
      } else {
        out.accept(new Notice("the model has no prompt '" + prompt.promptId() + "'"));
      }
      expectation = prompt.expecting();
      return;
    }
    expectation = null;
    sendIntent("COMPLETED");
  }

  // ---- the skill's response ----

  private void sendIntent(String dialogState) {
    AlexaRequests request =
        AlexaRequests.intent(dialog.intent)
            .dialogState(dialogState)
            .confirmation(dialog.confirmation);
    dialog.slots.forEach(
        (name, state) -> request.slot(spokenSlots.slot(dialog.intent, name, state)));
    send(envelope(request));
  }

  private void send(ObjectNode envelope) {
    if (++callsThisTurn > MAX_CALLS_PER_TURN) {
      out.accept(new Notice("the skill keeps delegating a completed dialog; Alexa gives up"));
      closeSession();
      return;
    }
    sessionNew = false;
    JsonNode response;
    try {
      response = skill.invoke(envelope);
    } catch (SkillFailedException e) {
      out.accept(new Notice("the skill failed: " + e.getMessage()));
      out.accept(new Speech("There was a problem with the requested skill's response."));
      closeSession();
      return;
    }
    handle(response);
  }

  private void handle(JsonNode envelope) {
    if (envelope.path("sessionAttributes").isObject()) {
      attributes = (ObjectNode) envelope.path("sessionAttributes").deepCopy();
    }
    JsonNode response = envelope.path("response");
    JsonNode directive = dialogDirective(response);
    String speech = speech(response.path("outputSpeech"));
    if (directive != null && directive.path("type").asText().equals("Dialog.Delegate")) {
      if (!speech.isEmpty()) {
        out.accept(new Notice("Dialog.Delegate with outputSpeech: Alexa rejects this response"));
      }
    } else if (!speech.isEmpty()) {
      out.accept(new Speech(speech));
    }
    JsonNode card = response.path("card");
    if (card.isObject()) {
      String content =
          card.path("content").isTextual()
              ? card.path("content").asText()
              : card.path("text").asText("");
      out.accept(new Card(card.path("type").asText(), card.path("title").asText(""), content));
    }
    String reprompt = speech(response.path("reprompt").path("outputSpeech"));
    if (!reprompt.isEmpty()) {
      out.accept(new Reprompt(reprompt));
    }
    for (JsonNode other : response.path("directives")) {
      if (other.path("type").asText().equals("Dialog.UpdateDynamicEntities")) {
        dynamicEntities.update(other).forEach(notice -> out.accept(new Notice(notice)));
      }
    }
    for (JsonNode other : response.path("directives")) {
      String type = other.path("type").asText();
      if (type.equals("Alexa.Presentation.APL.RenderDocument")) {
        screen.rendered(other).forEach(line -> out.accept(new Notice(line)));
      } else if (!type.startsWith("Dialog.") && !type.equals("VoicePlayer.Speak")) {
        out.accept(new Notice("directive " + type));
      }
    }
    if (directive != null) {
      followDialogDirective(directive);
      return;
    }
    dialog = null;
    expectation = null;
    JsonNode end = response.path("shouldEndSession");
    if (end.isBoolean() && !end.asBoolean()) {
      return;
    }
    closeSession();
  }

  private void followDialogDirective(JsonNode directive) {
    String type = directive.path("type").asText();
    JsonNode updated = directive.path("updatedIntent");
    if (updated.isObject()) {
      applyUpdatedIntent(updated);
    }
    if (dialog == null) {
      out.accept(new Notice(type + " outside a dialog: Alexa rejects this response"));
      closeSession();
      return;
    }
    switch (type) {
      case "Dialog.Delegate" -> {
        if (dialog.model == null) {
          out.accept(
              new Notice("Dialog.Delegate for " + dialog.intent + ", which has no dialog model"));
          closeSession();
          return;
        }
        alexaStep();
      }
      case "Dialog.ElicitSlot" ->
          expectation = new Expectation.ElicitSlot(directive.path("slotToElicit").asText());
      case "Dialog.ConfirmSlot" ->
          expectation = new Expectation.ConfirmSlot(directive.path("slotToConfirm").asText());
      case "Dialog.ConfirmIntent" -> expectation = new Expectation.ConfirmIntent();
      default -> {
        out.accept(new Notice("directive " + type + " is not simulated"));
        expectation = null;
      }
    }
  }

  private void applyUpdatedIntent(JsonNode updated) {
    String name = updated.path("name").asText(dialog == null ? "" : dialog.intent);
    if (dialog == null || !dialog.intent.equals(name)) {
      dialog = new ActiveDialog(name, model);
    }
    if (updated.path("confirmationStatus").isTextual()) {
      dialog.confirmation = updated.path("confirmationStatus").asText();
    }
    Iterator<Map.Entry<String, JsonNode>> slots = updated.path("slots").fields();
    while (slots.hasNext()) {
      Map.Entry<String, JsonNode> entry = slots.next();
      ActiveDialog.SlotState slot = dialog.slot(entry.getKey());
      JsonNode value = entry.getValue().path("value");
      slot.value = value.isTextual() && !value.asText().isEmpty() ? value.asText() : null;
      slot.confirmation = entry.getValue().path("confirmationStatus").asText("NONE");
    }
  }

  private static JsonNode dialogDirective(JsonNode response) {
    for (JsonNode directive : response.path("directives")) {
      if (directive.path("type").asText().startsWith("Dialog.")
          && !directive.path("type").asText().equals("Dialog.UpdateDynamicEntities")) {
        return directive;
      }
    }
    return null;
  }

  private static String speech(JsonNode outputSpeech) {
    if (!outputSpeech.isObject()) {
      return "";
    }
    if (outputSpeech.path("ssml").isTextual()) {
      return Ssml.toText(outputSpeech.path("ssml").asText());
    }
    return outputSpeech.path("text").asText("").strip();
  }

  // ---- envelopes ----

  private void newSession() {
    sessionId = "amzn1.echo-api.session." + UUID.randomUUID();
    sessionNew = true;
    attributes = JSON.createObjectNode();
    dialog = null;
    expectation = null;
  }

  private void closeSession() {
    if (sessionId != null) {
      out.accept(new Notice("session ended"));
    }
    dynamicEntities.clear();
    sessionId = null;
    dialog = null;
    expectation = null;
  }

  /** The request in this session's envelope, from this device, as Alexa sends it now. */
  private ObjectNode envelope(AlexaRequests request) {
    if (screen.on()) {
      request.withApl();
    }
    return request
        .session(sessionId, sessionNew)
        .sessionAttributes(attributes)
        .skillId(device.skillId())
        .userId(device.userId())
        .accessToken(accessToken.get())
        .locale(device.locale())
        .deviceId("amzn1.ask.device.SIMULATOR")
        .apiEndpoint(device.apiEndpoint())
        .apiAccessToken(device.apiAccessToken())
        .timestamp(clock.instant())
        .toNode();
  }

  /** The slots Alexa currently holds for the active dialog (for tests and the console). */
  public synchronized Map<String, String> slotValues() {
    return dialog == null ? new LinkedHashMap<>() : dialog.values();
  }
}
