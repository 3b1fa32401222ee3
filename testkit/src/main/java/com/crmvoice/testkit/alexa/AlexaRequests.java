package com.crmvoice.testkit.alexa;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Alexa request envelopes as the Alexa service sends them to a custom skill (version 1.0), built
 * fluently for tests and the simulator:
 *
 * <pre>AlexaRequests.intent("GetTopLeadIntent").skillId(id).accessToken(t).toJson()</pre>
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
  private boolean apl;
  private Instant timestamp = Instant.now();
  private final Map<String, String[]> slots = new LinkedHashMap<>();
  private final Map<String, Object> sessionAttributes = new LinkedHashMap<>();
  private String reason;

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
    slots.put(name, new String[] {value, "NONE"});
    return this;
  }

  public AlexaRequests slot(String name, String value, String confirmation) {
    slots.put(name, new String[] {value, confirmation});
    return this;
  }

  /**
   * A filled slot that entity resolution matched to the value with {@code id} of the slot's type
   * (ER_SUCCESS_MATCH), as Alexa sends a custom slot type's value or a dynamic entity.
   */
  public AlexaRequests resolvedSlot(String name, String value, String id) {
    slots.put(name, new String[] {value, "NONE", id});
    return this;
  }

  public AlexaRequests session(String id, boolean isNew) {
    this.sessionId = id;
    this.newSession = isNew;
    return this;
  }

  public AlexaRequests sessionAttribute(String name, Object value) {
    sessionAttributes.put(name, value);
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
    session.set("attributes", JSON.valueToTree(sessionAttributes));
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
    ObjectNode device = system.putObject("device").put("deviceId", "amzn1.ask.device.TEST");
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
    if (intentName != null) {
      if (dialogState != null) {
        request.put("dialogState", dialogState);
      }
      ObjectNode intent = request.putObject("intent");
      intent.put("name", intentName);
      intent.put("confirmationStatus", confirmationStatus);
      ObjectNode slotsNode = intent.putObject("slots");
      slots.forEach(
          (name, value) -> {
            ObjectNode slot = slotsNode.putObject(name);
            slot.put("name", name);
            if (value[0] != null) {
              slot.put("value", value[0]);
            }
            slot.put("confirmationStatus", value[1]);
            if (value.length > 2) {
              ObjectNode authority =
                  slot.putObject("resolutions").putArray("resolutionsPerAuthority").addObject();
              authority.put("authority", "amzn1.er-authority.echo-sdk." + skillId + ".TYPE");
              authority.putObject("status").put("code", "ER_SUCCESS_MATCH");
              authority
                  .putArray("values")
                  .addObject()
                  .putObject("value")
                  .put("name", value[0])
                  .put("id", value[2]);
            }
          });
    }
    return root;
  }

  public String toJson() {
    return toNode().toString();
  }

  public byte[] toBytes() {
    return toJson().getBytes(java.nio.charset.StandardCharsets.UTF_8);
  }
}
