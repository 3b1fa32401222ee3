package com.crmvoice.intent;

import com.crmvoice.core.domain.CrmUser;
import com.crmvoice.core.domain.Lead;
import com.crmvoice.core.domain.LeadDigest;
import com.crmvoice.core.fakes.InMemoryCommandLog;
import com.crmvoice.core.fakes.InMemoryCommandQueue;
import com.crmvoice.core.fakes.InMemoryCrmGateway;
import com.crmvoice.core.fakes.InMemoryLeadCache;
import com.crmvoice.core.fakes.InMemoryRefreshQueue;
import com.crmvoice.core.fakes.MutableClock;
import com.crmvoice.core.service.skill.CachingIdentityResolver;
import com.crmvoice.core.service.skill.ChangeService;
import com.crmvoice.core.service.skill.CommandSubmitter;
import com.crmvoice.core.service.skill.CreateLeadService;
import com.crmvoice.core.service.skill.LeadStatusCatalog;
import com.crmvoice.core.service.skill.LeadStatusService;
import com.crmvoice.core.service.skill.TopLeadService;
import com.crmvoice.core.service.skill.WorkingSet;
import com.crmvoice.intent.progressive.ProgressiveResponses;
import com.crmvoice.intent.settings.TimeZones;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The skill over in-memory fakes, driven through the Lambda stream handler with JSON envelopes from
 * src/test/resources/envelopes, as the Alexa service sends them.
 */
public final class SkillHarness {

  static final String SKILL_ID = "amzn1.ask.skill.00000000-0000-0000-0000-000000000000";
  static final String ALICE = "005ALICE0000001AAA";
  static final String BOB = "005BOB000000001AAA";
  static final String ALICE_TOKEN = "token-alice";
  static final String BOB_TOKEN = "token-bob";
  static final ObjectMapper JSON = new ObjectMapper();

  /** One progressive response as the skill asked for it. */
  record Sent(String apiEndpoint, String apiAccessToken, String requestId, String speech) {}

  final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T09:00:00Z"));
  final InMemoryLeadCache cache = new InMemoryLeadCache();
  public final InMemoryCrmGateway crm = new InMemoryCrmGateway(clock);
  final InMemoryRefreshQueue refresh = new InMemoryRefreshQueue();
  final InMemoryCommandLog log = new InMemoryCommandLog();
  final InMemoryCommandQueue queue = new InMemoryCommandQueue();
  final List<Sent> progressive = new ArrayList<>();

  /**
   * What happened to each progressive response, in order, with how many live lookups the CRM had
   * answered by then: "sent after 0 lookups", "awaited after 1 lookups".
   */
  final List<String> progressiveEvents = new ArrayList<>();

  /** The time zone the Alexa settings API gives every device (UTC until a test sets another). */
  volatile java.time.ZoneId deviceZone = java.time.ZoneOffset.UTC;

  /** The deal books the pipeline intents read. */
  public final com.crmvoice.core.fakes.InMemoryDealCache deals =
      new com.crmvoice.core.fakes.InMemoryDealCache();

  /** The org's Opportunity stages the deal updates resolve against (Salesforce's standard ones). */
  public final List<com.crmvoice.core.domain.deal.DealStage> stages =
      new java.util.concurrent.CopyOnWriteArrayList<>(
          com.crmvoice.core.service.deals.DealStageCatalog.STANDARD);

  final com.crmvoice.core.fakes.InMemoryAgendaCache agendas =
      new com.crmvoice.core.fakes.InMemoryAgendaCache();
  final com.crmvoice.core.fakes.InMemoryCalendarGateway calendar =
      new com.crmvoice.core.fakes.InMemoryCalendarGateway();
  final List<com.crmvoice.core.port.ClosingDeals.DealMention> closing = new ArrayList<>();

  final SkillServices services;
  public final IntentStreamHandler handler;

  public SkillHarness() {
    this(false);
  }

  /**
   * With {@code dynamics}, the skill as a Dynamics 365 deployment wires it: it says Dynamics 365
   * and its deals keep no next step.
   */
  public SkillHarness(boolean dynamics) {
    crm.addUser(ALICE_TOKEN, new CrmUser(ALICE, "Alice"));
    crm.addUser(BOB_TOKEN, new CrmUser(BOB, "Bob"));
    ProgressiveResponses recorder =
        (endpoint, token, requestId, speech) -> {
          SsmlCheck.assertWellFormed("<speak>" + speech + "</speak>");
          progressive.add(new Sent(endpoint, token, requestId, speech));
          progressiveEvents.add("sent after " + crm.calls("topOpenLeads") + " lookups");
          return () -> {
            progressiveEvents.add("awaited after " + crm.calls("topOpenLeads") + " lookups");
            return true;
          };
        };
    services =
        new SkillServices(
            SKILL_ID,
            new CachingIdentityResolver(crm, clock, Duration.ofMinutes(5), 100),
            new TopLeadService(cache, crm, refresh, clock, 5, Duration.ofSeconds(2), Runnable::run),
            new CreateLeadService(log, queue, clock),
            new LeadStatusService(log),
            recorder,
            leadWork(cache, crm, log, queue, clock, (endpoint, token, device) -> deviceZone),
            user -> true,
            new com.crmvoice.core.service.day.DayService(
                agendas,
                cache,
                (owner, from, to) -> List.copyOf(closing),
                calendar,
                clock,
                Duration.ofSeconds(2),
                Runnable::run),
            new com.crmvoice.core.service.deals.PipelineService(deals, clock),
            new DealWork(
                new com.crmvoice.core.service.deals.DealReader(deals, clock),
                new com.crmvoice.core.service.deals.DealUpdateService(
                    new com.crmvoice.core.service.deals.DealStageCatalog(
                        () -> List.copyOf(stages), clock, Duration.ZERO),
                    clock),
                !dynamics));
    handler =
        new IntentStreamHandler(
            services, dynamics ? "Dynamics 365" : com.crmvoice.intent.speech.Speech.BUNDLE_CRM);
  }

  /** The work-a-lead services over the given fakes, as the harness wires them. */
  static LeadWork leadWork(
      InMemoryLeadCache cache,
      InMemoryCrmGateway crm,
      com.crmvoice.core.port.CommandLog log,
      InMemoryCommandQueue queue,
      java.time.Clock clock) {
    return leadWork(cache, crm, log, queue, clock, TimeZones.fixed(java.time.ZoneOffset.UTC));
  }

  static LeadWork leadWork(
      InMemoryLeadCache cache,
      InMemoryCrmGateway crm,
      com.crmvoice.core.port.CommandLog log,
      InMemoryCommandQueue queue,
      java.time.Clock clock,
      TimeZones zones) {
    return new LeadWork(
        new WorkingSet(cache, 5),
        new LeadStatusCatalog(
            crm,
            clock,
            Duration.ofHours(1),
            java.util.List.of("Closed - Converted", "Closed - Not Converted")),
        new CommandSubmitter(log, queue, clock),
        new ChangeService(log, clock),
        zones);
  }

  public static Lead lead(
      String id, String owner, String first, String last, String company, String created) {
    return new Lead(
        id,
        owner,
        first,
        last,
        company,
        first.toLowerCase() + "@" + company.toLowerCase() + ".com",
        "+1 555 0100",
        "Open - Not Contacted",
        Instant.parse(created));
  }

  public void cacheLeads(String owner, Lead... leads) {
    cache.replaceOwnerLeads(owner, List.of(leads), LeadDigest.of(List.of(leads)), clock.instant());
  }

  /** A request envelope kept under src/test/resources/envelopes. */
  static ObjectNode envelope(String name) {
    return (ObjectNode) readTree(resource(name));
  }

  static byte[] resource(String name) {
    try (InputStream in = SkillHarness.class.getResourceAsStream("/envelopes/" + name)) {
      if (in == null) {
        throw new IllegalArgumentException("no envelope " + name);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The envelope with another account-linking token (null: none). */
  static ObjectNode withToken(ObjectNode envelope, String token) {
    for (String path : new String[] {"/session/user", "/context/System/user"}) {
      ObjectNode user = (ObjectNode) envelope.at(path);
      if (token == null) {
        user.remove("accessToken");
      } else {
        user.put("accessToken", token);
      }
    }
    return envelope;
  }

  static ObjectNode withSlot(ObjectNode envelope, String slot, String value) {
    ObjectNode node = (ObjectNode) envelope.at("/request/intent/slots/" + slot);
    node.put("value", value);
    return envelope;
  }

  /** The envelope with these session attributes, as Alexa returns what the skill last sent. */
  static ObjectNode withAttributes(ObjectNode envelope, JsonNode attributes) {
    ((ObjectNode) envelope.get("session")).set("attributes", attributes.deepCopy());
    ((ObjectNode) envelope.get("session")).put("new", false);
    return envelope;
  }

  static ObjectNode withLocale(ObjectNode envelope, String locale) {
    ((ObjectNode) envelope.get("request")).put("locale", locale);
    return envelope;
  }

  static ObjectNode withRequestId(ObjectNode envelope, String requestId) {
    ((ObjectNode) envelope.get("request")).put("requestId", requestId);
    return envelope;
  }

  JsonNode invoke(ObjectNode envelope) {
    return invoke(envelope.toString().getBytes(StandardCharsets.UTF_8));
  }

  JsonNode invoke(String envelopeName) {
    return invoke(resource(envelopeName));
  }

  JsonNode invoke(byte[] raw) {
    return invoke(handler, raw);
  }

  static JsonNode invoke(IntentStreamHandler handler, byte[] raw) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      handler.handleRequest(new ByteArrayInputStream(raw), out, null);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    JsonNode response = readTree(out.toByteArray());
    SsmlCheck.assertWellFormed(response);
    return response;
  }

  static String speech(JsonNode response) {
    return response.at("/response/outputSpeech/ssml").asText();
  }

  static JsonNode directive(JsonNode response, String type) {
    for (JsonNode directive : response.at("/response/directives")) {
      if (type.equals(directive.path("type").asText())) {
        return directive;
      }
    }
    return null;
  }

  static JsonNode readTree(byte[] bytes) {
    try {
      return JSON.readTree(bytes);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
