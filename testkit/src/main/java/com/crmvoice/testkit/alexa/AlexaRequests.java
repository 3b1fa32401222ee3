package com.crmvoice.testkit.alexa;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Alexa request envelopes as the Alexa service sends them to a custom skill (version 1.0), built
 * fluently; the one writer of the envelope for tests and the simulator's {@code Conversation}:
 *
 * <pre>AlexaRequests.intent("GetTopLeadIntent").skillId(id).accessToken(t).toJson()</pre>
 *
 * <p>The format:
 * https://developer.amazon.com/en-US/docs/alexa/custom-skills/request-and-response-json-reference.html
 */
public final class AlexaRequests {

  public static final String DEFAULT_SKILL_ID =
      "amzn1.ask.skill.00000000-0000-0000-0000-000000000000";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final String type;
  private String intentName;
  private String requestId = "amzn1.echo-api.request." + UUID.randomUUID();
  private String skillId = DEFAULT_SKILL_ID;
  private String userId = "amzn1.ask.account.TESTUSER";
  private String accessToken;
  private String locale = "en-US";
  private String apiEndpoint = "https://api.amazonalexa.com";
  private String apiAccessToken = "api-access-token";
  private String dialogState;
  private String confirmationStatus = "NONE";
  private boolean newSession = true;
  private String sessionId = "amzn1.echo-api.session." + UUID.randomUUID();
  private String deviceId = "amzn1.ask.device.TEST";
  private boolean apl;
  private Instant timestamp = Instant.now();
  private final Map<String, Slot> slots = new LinkedHashMap<>();
  private ObjectNode sessionAttributes = JSON.createObjectNode();
  private String reason;
  private String presentationToken;
  private List<String> eventArguments;

  private AlexaRequests(String type) {
    this.type = type;
  }

  public static AlexaRequests launch() {
    return new AlexaRequests("LaunchRequest");
  }

  public static AlexaRequests intent(String name) {
    AlexaRequests request = new AlexaRequests("IntentRequest");
    request.intentName = name;
    return request;
  }

  public static AlexaRequests sessionEnded(String reason) {
    AlexaRequests request = new AlexaRequests("SessionEndedRequest");
    request.reason = reason;
    return request;
  }

  /**
   * An Alexa.Presentation.APL.UserEvent: a touch on a component of the document rendered with
   * {@code token}, whose SendEvent command sent {@code arguments} (the APL reference's shape:
   * token, arguments, source).
   */
  public static AlexaRequests userEvent(String token, List<String> arguments) {
    AlexaRequests request = new AlexaRequests("Alexa.Presentation.APL.UserEvent");
    request.presentationToken = token;
    request.eventArguments = List.copyOf(arguments);
    request.apl = true;
    return request;
  }

  public AlexaRequests requestId(String id) {
    this.requestId = id;
    return this;
  }

  public AlexaRequests skillId(String id) {
    this.skillId = id;
    return this;
  }

  public AlexaRequests userId(String id) {
    this.userId = id;
    return this;
  }

  /** The account-linking access token (null: not linked). */
  public AlexaRequests accessToken(String token) {
    this.accessToken = token;
    return this;
  }

  public AlexaRequests locale(String locale) {
    this.locale = locale;
    return this;
  }

  /** Where progressive responses go (context.System.apiEndpoint). */
  public AlexaRequests apiEndpoint(String endpoint) {
    this.apiEndpoint = endpoint;
    return this;
  }

  public AlexaRequests apiAccessToken(String token) {
    this.apiAccessToken = token;
    return this;
  }

  /** STARTED, IN_PROGRESS or COMPLETED. */
  public AlexaRequests dialogState(String state) {
    this.dialogState = state;
    return this;
  }

  /** NONE, CONFIRMED or DENIED. */
  public AlexaRequests confirmation(String status) {
    this.confirmationStatus = status;
    return this;
  }

  /** A filled slot; value null leaves it empty, as Alexa sends unfilled slots. */
  public AlexaRequests slot(String name, String value) {
    return slot(Slot.named(name).value(value));
  }

  public AlexaRequests slot(String name, String value, String confirmation) {
    return slot(Slot.named(name).value(value).confirmation(confirmation));
  }

  /**
   * A filled slot that entity resolution matched to the value with {@code id} of the slot's type
   * (ER_SUCCESS_MATCH), as Alexa sends a custom slot type's value or a dynamic entity.
   */
  public AlexaRequests resolvedSlot(String name, String value, String id) {
    return slot(Slot.named(name).value(value).resolution(false, "TYPE", value, id));
  }

  public AlexaRequests slot(Slot slot) {
    slots.put(slot.name, slot);
    return this;
  }

  public AlexaRequests session(String id, boolean isNew) {
    this.sessionId = id;
    this.newSession = isNew;
    return this;
  }

  public AlexaRequests sessionAttribute(String name, Object value) {
    sessionAttributes.set(name, JSON.valueToTree(value));
    return this;
  }

  /** All session attributes at once, as the skill's last response returned them. */
  public AlexaRequests sessionAttributes(ObjectNode attributes) {
    this.sessionAttributes = attributes.deepCopy();
    return this;
  }

  /** context.System.device.deviceId. */
  public AlexaRequests deviceId(String id) {
    this.deviceId = id;
    return this;
  }

  public AlexaRequests withApl() {
    this.apl = true;
    return this;
  }

  public AlexaRequests timestamp(Instant instant) {
    this.timestamp = instant;
    return this;
  }

  public ObjectNode toNode() {
    ObjectNode root = JSON.createObjectNode();
    root.put("version", "1.0");
    ObjectNode session = root.putObject("session");
    session.put("new", newSession);
    session.put("sessionId", sessionId);
    session.putObject("application").put("applicationId", skillId);
    session.set("attributes", sessionAttributes.deepCopy());
    ObjectNode sessionUser = session.putObject("user").put("userId", userId);
    if (accessToken != null) {
      sessionUser.put("accessToken", accessToken);
    }
    ObjectNode system = root.putObject("context").putObject("System");
    system.putObject("application").put("applicationId", skillId);
    ObjectNode user = system.putObject("user").put("userId", userId);
    if (accessToken != null) {
      user.put("accessToken", accessToken);
    }
    ObjectNode device = system.putObject("device").put("deviceId", deviceId);
    ObjectNode interfaces = device.putObject("supportedInterfaces");
    if (apl) {
      interfaces
          .putObject("Alexa.Presentation.APL")
          .putObject("runtime")
          .put("maxVersion", "2023.3");
    }
    system.put("apiEndpoint", apiEndpoint);
    system.put("apiAccessToken", apiAccessToken);
    ObjectNode request = root.putObject("request");
    request.put("type", type);
    request.put("requestId", requestId);
    request.put("timestamp", timestamp.truncatedTo(ChronoUnit.SECONDS).toString());
    request.put("locale", locale);
    if (reason != null) {
      request.put("reason", reason);
    }
    if (eventArguments != null) {
      request.put("token", presentationToken);
      var arguments = request.putArray("arguments");
      eventArguments.forEach(arguments::add);
      request
          .putObject("source")
          .put("type", "TouchWrapper")
          .put("handler", "Press")
          .put("id", presentationToken);
    }
    if (intentName != null) {
      if (dialogState != null) {
        request.put("dialogState", dialogState);
      }
      ObjectNode intent = request.putObject("intent");
      intent.put("name", intentName);
      intent.put("confirmationStatus", confirmationStatus);
      ObjectNode slotsNode = intent.putObject("slots");
      slots.forEach((name, slot) -> slotsNode.set(name, slot.toNode(skillId)));
    }
    return root;
  }

  public String toJson() {
    return toNode().toString();
  }

  public byte[] toBytes() {
    return toJson().getBytes(StandardCharsets.UTF_8);
  }

  /** One slot of an IntentRequest: its value, confirmation and entity-resolution results. */
  public static final class Slot {

    private record Resolution(boolean dynamic, String type, String name, String id) {}

    private final String name;
    private String value;
    private String confirmation = "NONE";
    private boolean spoken;
    private final List<Resolution> resolutions = new ArrayList<>();

    private Slot(String name) {
      this.name = name;
    }

    public static Slot named(String name) {
      return new Slot(name);
    }

    /** The value; null leaves the slot empty, as Alexa sends unfilled slots. */
    public Slot value(String value) {
      this.value = value;
      return this;
    }

    /** NONE, CONFIRMED or DENIED. */
    public Slot confirmation(String status) {
      this.confirmation = status;
      return this;
    }

    /** As Alexa sends what the user said: {@code source USER} and a Simple {@code slotValue}. */
    public Slot spokenByUser() {
      this.spoken = true;
      return this;
    }

    /**
     * An authority's result for the slot's type {@code type}, in the order Alexa lists them (a
     * dynamic authority before the static one): ER_SUCCESS_MATCH with the value's name and id, or
     * with {@code name} null ER_SUCCESS_NO_MATCH.
     */
    public Slot resolution(boolean dynamic, String type, String name, String id) {
      resolutions.add(new Resolution(dynamic, type, name, id));
      return this;
    }

    ObjectNode toNode(String skillId) {
      ObjectNode slot = JSON.createObjectNode();
      slot.put("name", name);
      if (value != null) {
        slot.put("value", value);
      }
      slot.put("confirmationStatus", confirmation);
      if (value == null) {
        return slot;
      }
      ObjectNode slotValue = null;
      if (spoken) {
        slot.put("source", "USER");
        slotValue = slot.putObject("slotValue").put("type", "Simple").put("value", value);
      }
      if (!resolutions.isEmpty()) {
        ObjectNode node = JSON.createObjectNode();
        ArrayNode authorities = node.putArray("resolutionsPerAuthority");
        for (Resolution r : resolutions) {
          ObjectNode authority = authorities.addObject();
          authority.put(
              "authority",
              "amzn1.er-authority.echo-sdk."
                  + (r.dynamic() ? "dynamic." : "")
                  + skillId
                  + "."
                  + r.type());
          authority
              .putObject("status")
              .put("code", r.name() == null ? "ER_SUCCESS_NO_MATCH" : "ER_SUCCESS_MATCH");
          if (r.name() != null) {
            authority
                .putArray("values")
                .addObject()
                .putObject("value")
                .put("name", r.name())
                .put("id", r.id());
          }
        }
        slot.set("resolutions", node);
        if (slotValue != null) {
          slotValue.set("resolutions", node.deepCopy());
        }
      }
      return slot;
    }
  }
}
