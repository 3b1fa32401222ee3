package com.crmvoice.simulator.dialog;

import com.crmvoice.simulator.dialog.Output.Card;
import com.crmvoice.simulator.dialog.Output.Notice;
import com.crmvoice.simulator.dialog.Output.Reprompt;
import com.crmvoice.simulator.dialog.Output.Speech;
import com.crmvoice.simulator.dialog.Output.UserTurn;
import com.crmvoice.simulator.dialog.SkillEndpoint.SkillFailedException;
import com.crmvoice.simulator.model.InteractionModel;
import com.crmvoice.simulator.model.InteractionModel.DialogIntent;
import com.crmvoice.simulator.model.InteractionModel.DialogSlot;
import com.crmvoice.simulator.model.InteractionModel.Validation;
import com.crmvoice.simulator.model.UtteranceMatcher;
import com.crmvoice.simulator.model.UtteranceMatcher.Invocation;
import com.crmvoice.simulator.model.UtteranceMatcher.InvocationKind;
import com.crmvoice.simulator.model.UtteranceMatcher.Match;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Alexa's side of a conversation with a custom skill, for typed text: it opens and closes sessions,
 * turns each utterance into the request envelope Alexa would send (LaunchRequest, IntentRequest
 * with slots, dialogState and confirmation statuses, SessionEndedRequest), and follows the dialog
 * directives of the skill's response as Alexa does. After Dialog.Delegate it elicits the next
 * required empty slot with the model's prompt, validates and confirms slots and the intent when the
 * dialog model asks for it, and sends the intent with dialogState COMPLETED when nothing is left;
 * after Dialog.ElicitSlot, ConfirmSlot or ConfirmIntent the next answer fills that slot or sets
 * that confirmation. Intents whose dialog is auto-delegated (delegationStrategy ALWAYS) reach the
 * skill only when complete. Session attributes are carried from response to request, and
 * shouldEndSession is honoured as on a voice-only device (omitted ends the session unless a dialog
 * directive keeps it open).
 */
public final class Conversation {

  /** The device and skill a request envelope names. */
  public record Device(
      String skillId, String userId, String locale, String apiEndpoint, String apiAccessToken) {}

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String FALLBACK = "AMAZON.FallbackIntent";
  private static final Pattern PROMPT_SLOT = Pattern.compile("\\{([A-Za-z0-9_.]+)}");

  /** Consecutive skill calls one user turn may cause (Delegate → COMPLETED → Delegate ...). */
  private static final int MAX_CALLS_PER_TURN = 6;

  private final InteractionModel model;
  private final UtteranceMatcher matcher;
  private final SkillEndpoint skill;
  private final Consumer<Output> out;
  private final Clock clock;
  private final Device device;
  private final Map<String, Integer> promptTurns = new HashMap<>();
  private Supplier<String> accessToken = () -> null;

  private String sessionId;
  private boolean sessionNew;
  private ObjectNode attributes = JSON.createObjectNode();
  private ActiveDialog dialog;
  private Expectation expectation;
  private int callsThisTurn;

  private sealed interface Expectation {
    record ElicitSlot(String slot) implements Expectation {}

    record ConfirmSlot(String slot) implements Expectation {}

    record ConfirmIntent() implements Expectation {}
  }

  private static final class SlotState {
    String value;
    String confirmation = "NONE";
  }

  private static final class ActiveDialog {
    final String intent;
    final Map<String, SlotState> slots = new LinkedHashMap<>();
    String confirmation = "NONE";
    final DialogIntent model;
    final boolean auto;

    ActiveDialog(String intent, InteractionModel interactionModel) {
      this.intent = intent;
      this.model = interactionModel.dialogIntent(intent).orElse(null);
      this.auto = interactionModel.autoDelegated(intent);
      interactionModel
          .intent(intent)
          .ifPresent(i -> i.slots().forEach(s -> slots.put(s.name(), new SlotState())));
    }

    SlotState slot(String name) {
      return slots.computeIfAbsent(name, n -> new SlotState());
    }
  }

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
  }

  /** The account-linking access token to put in each envelope (null: not linked). */

  /** What the user says to reach the skill: the model's invocation name. */
  public String invocationName() {
    return matcher.model().invocationName();
  }

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
      send(envelope(request("LaunchRequest")));
      return;
    }
    if (!sessionOpen() || invocation.kind() == InvocationKind.ONE_SHOT) {
      newSession();
      startIntent(matcher.match(invocation.utterances()));
      return;
    }
    inSession(invocation.utterances());
  }

  /** The user walks away or quits: a SessionEndedRequest if a session is open. */
  public synchronized void endSession(String reason) {
    if (!sessionOpen()) {
      return;
    }
    ObjectNode request = request("SessionEndedRequest");
    request.put("reason", reason);
    try {
      skill.invoke(envelope(request));
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
        setSlot(elicit.slot(), UtteranceMatcher.normalize(utterances.get(0)));
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
    values.forEach(this::setSlot);
  }

  private void setSlot(String name, String value) {
    SlotState slot = dialog.slot(name);
    if (value == null || !value.equals(slot.value)) {
      slot.confirmation = "NONE";
    }
    slot.value = value;
  }

  // ---- Alexa's dialog management (after Dialog.Delegate, or auto-delegated) ----

  private void alexaStep() {
    DialogIntent model = dialog.model;
    for (DialogSlot slotModel : model.slots()) {
      SlotState slot = dialog.slot(slotModel.name());
      if ("DENIED".equals(slot.confirmation)) {
        slot.value = null;
        slot.confirmation = "NONE";
      }
      if (slot.value != null && !slot.value.isBlank()) {
        Optional<Validation> failed = firstFailedValidation(slotModel, slot.value);
        if (failed.isPresent()) {
          slot.value = null;
          speakPrompt(failed.get().prompt());
          expectation = new Expectation.ElicitSlot(slotModel.name());
          return;
        }
      }
      if (slotModel.elicitationRequired() && (slot.value == null || slot.value.isBlank())) {
        speakPrompt(slotModel.elicitationPrompt());
        expectation = new Expectation.ElicitSlot(slotModel.name());
        return;
      }
      if (slotModel.confirmationRequired()
          && slot.value != null
          && !slot.value.isBlank()
          && "NONE".equals(slot.confirmation)) {
        speakPrompt(slotModel.confirmationPrompt());
        expectation = new Expectation.ConfirmSlot(slotModel.name());
        return;
      }
    }
    if (model.confirmationRequired() && "NONE".equals(dialog.confirmation)) {
      speakPrompt(model.confirmationPrompt());
      expectation = new Expectation.ConfirmIntent();
      return;
    }
    expectation = null;
    sendIntent("COMPLETED");
  }

  private Optional<Validation> firstFailedValidation(DialogSlot slotModel, String value) {
    for (Validation rule : slotModel.validations()) {
      boolean ok =
          switch (rule.type()) {
            case "isInSet" -> rule.values().stream().anyMatch(v -> v.equalsIgnoreCase(value));
            case "isNotInSet" -> rule.values().stream().noneMatch(v -> v.equalsIgnoreCase(value));
            case "hasEntityResolutionMatch" -> {
              InteractionModel.SlotType type = this.model.types().get(slotModel.type());
              yield type != null && type.resolve(value).isPresent();
            }
            case "isGreaterThan" -> compare(value, rule.value()) > 0;
            case "isGreaterThanOrEqualTo" -> compare(value, rule.value()) >= 0;
            case "isLessThan" -> compare(value, rule.value()) < 0;
            case "isLessThanOrEqualTo" -> compare(value, rule.value()) <= 0;
            default -> true;
          };
      if (!ok) {
        return Optional.of(rule);
      }
    }
    return Optional.empty();
  }

  private static int compare(String value, String bound) {
    try {
      return Double.compare(Double.parseDouble(value), Double.parseDouble(bound));
    } catch (NumberFormatException | NullPointerException e) {
      return Integer.MIN_VALUE / 2;
    }
  }

  private void speakPrompt(String promptId) {
    List<String> variations = promptId == null ? null : model.prompts().get(promptId);
    if (variations == null || variations.isEmpty()) {
      out.accept(new Notice("the model has no prompt '" + promptId + "'"));
      return;
    }
    int turn = promptTurns.merge(promptId, 1, Integer::sum) - 1;
    String text = variations.get(turn % variations.size());
    Matcher m = PROMPT_SLOT.matcher(text);
    StringBuilder spoken = new StringBuilder();
    while (m.find()) {
      SlotState slot = dialog.slots.get(m.group(1));
      String value = slot == null || slot.value == null ? "" : slot.value;
      m.appendReplacement(spoken, Matcher.quoteReplacement(value));
    }
    m.appendTail(spoken);
    out.accept(new Speech(Ssml.toText(spoken.toString())));
  }

  // ---- the skill's response ----

  private void sendIntent(String dialogState) {
    ObjectNode request = request("IntentRequest");
    if (dialogState != null) {
      request.put("dialogState", dialogState);
    }
    ObjectNode intent = request.putObject("intent");
    intent.put("name", dialog.intent);
    intent.put("confirmationStatus", dialog.confirmation);
    ObjectNode slots = intent.putObject("slots");
    dialog.slots.forEach((name, state) -> slots.set(name, slotNode(name, state)));
    send(envelope(request));
  }

  private ObjectNode slotNode(String name, SlotState state) {
    ObjectNode slot = JSON.createObjectNode();
    slot.put("name", name);
    slot.put("confirmationStatus", state.confirmation);
    if (state.value == null) {
      return slot;
    }
    slot.put("value", state.value);
    slot.put("source", "USER");
    ObjectNode slotValue = slot.putObject("slotValue");
    slotValue.put("type", "Simple");
    slotValue.put("value", state.value);
    String typeName =
        model
            .intent(dialog.intent)
            .flatMap(i -> i.slot(name))
            .map(InteractionModel.Slot::type)
            .orElse(null);
    InteractionModel.SlotType type = typeName == null ? null : model.types().get(typeName);
    if (type != null) {
      ObjectNode resolutions = JSON.createObjectNode();
      ObjectNode authority = resolutions.putArray("resolutionsPerAuthority").addObject();
      authority.put(
          "authority", "amzn1.er-authority.echo-sdk." + device.skillId() + "." + typeName);
      Optional<InteractionModel.TypeValue> resolved = type.resolve(state.value);
      authority
          .putObject("status")
          .put("code", resolved.isPresent() ? "ER_SUCCESS_MATCH" : "ER_SUCCESS_NO_MATCH");
      if (resolved.isPresent()) {
        ObjectNode value = authority.putArray("values").addObject().putObject("value");
        value.put("name", resolved.get().value());
        value.put("id", resolved.get().id() == null ? resolved.get().value() : resolved.get().id());
      }
      slot.set("resolutions", resolutions);
      slotValue.set("resolutions", resolutions.deepCopy());
    }
    return slot;
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
      String type = other.path("type").asText();
      if (!type.startsWith("Dialog.") && !type.equals("VoicePlayer.Speak")) {
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
      SlotState slot = dialog.slot(entry.getKey());
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
    sessionId = null;
    dialog = null;
    expectation = null;
  }

  private ObjectNode request(String type) {
    ObjectNode request = JSON.createObjectNode();
    request.put("type", type);
    request.put("requestId", "amzn1.echo-api.request." + UUID.randomUUID());
    request.put("timestamp", clock.instant().truncatedTo(ChronoUnit.SECONDS).toString());
    request.put("locale", device.locale());
    return request;
  }

  private ObjectNode envelope(ObjectNode request) {
    String token = accessToken.get();
    ObjectNode root = JSON.createObjectNode();
    root.put("version", "1.0");
    ObjectNode session = root.putObject("session");
    session.put("new", sessionNew);
    session.put("sessionId", sessionId);
    session.putObject("application").put("applicationId", device.skillId());
    session.set("attributes", attributes.deepCopy());
    ObjectNode sessionUser = session.putObject("user").put("userId", device.userId());
    if (token != null) {
      sessionUser.put("accessToken", token);
    }
    ObjectNode system = root.putObject("context").putObject("System");
    system.putObject("application").put("applicationId", device.skillId());
    ObjectNode user = system.putObject("user").put("userId", device.userId());
    if (token != null) {
      user.put("accessToken", token);
    }
    ObjectNode deviceNode = system.putObject("device");
    deviceNode.put("deviceId", "amzn1.ask.device.SIMULATOR");
    deviceNode.putObject("supportedInterfaces");
    system.put("apiEndpoint", device.apiEndpoint());
    system.put("apiAccessToken", device.apiAccessToken());
    root.set("request", request);
    return root;
  }

  /** The slots Alexa currently holds for the active dialog (for tests and the console). */
  public synchronized Map<String, String> slotValues() {
    Map<String, String> values = new LinkedHashMap<>();
    if (dialog != null) {
      dialog.slots.forEach((k, v) -> values.put(k, v.value));
    }
    return values;
  }
}
