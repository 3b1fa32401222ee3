package com.crmvoice.intent;

import com.crmvoice.adapters.aws.AwsClients;
import com.crmvoice.adapters.aws.FunctionStartup;
import com.crmvoice.adapters.aws.LazySalesforceGateway;
import com.crmvoice.adapters.codec.CommandCodec;
import com.crmvoice.adapters.dynamodb.DynamoDbCommandLog;
import com.crmvoice.adapters.dynamodb.DynamoDbDealCache;
import com.crmvoice.adapters.dynamodb.DynamoDbLeadCache;
import com.crmvoice.adapters.dynamodb.DynamoDbNotificationLog;
import com.crmvoice.adapters.sqs.SqsCommandQueue;
import com.crmvoice.adapters.sqs.SqsRefreshQueue;
import com.crmvoice.core.config.CacheConfig;
import com.crmvoice.core.config.CallBounds;
import com.crmvoice.core.config.EnvironmentReader;
import com.crmvoice.core.config.EnvironmentVariables;
import com.crmvoice.core.config.FunctionEnvironments;
import com.crmvoice.core.config.SalesforceConfig;
import com.crmvoice.core.config.SkillConfig;
import com.crmvoice.core.config.StorageConfig;
import com.crmvoice.core.config.TimeZoneConfig;
import com.crmvoice.core.port.ClosingDeals;
import com.crmvoice.core.port.CommandLog;
import com.crmvoice.core.port.DealCache;
import com.crmvoice.core.port.IdentityResolver;
import com.crmvoice.core.service.day.DayService;
import com.crmvoice.core.service.deals.DealReader;
import com.crmvoice.core.service.deals.DealStageCatalog;
import com.crmvoice.core.service.deals.DealUpdateService;
import com.crmvoice.core.service.deals.PipelineService;
import com.crmvoice.core.service.notify.RecipientRecordingCommandLog;
import com.crmvoice.core.service.skill.CachingIdentityResolver;
import com.crmvoice.core.service.skill.ChangeService;
import com.crmvoice.core.service.skill.CommandSubmitter;
import com.crmvoice.core.service.skill.CreateLeadService;
import com.crmvoice.core.service.skill.LeadStatusCatalog;
import com.crmvoice.core.service.skill.LeadStatusService;
import com.crmvoice.core.service.skill.SingleUserIdentityResolver;
import com.crmvoice.core.service.skill.TopLeadService;
import com.crmvoice.core.service.skill.WorkingSet;
import com.crmvoice.intent.notify.CurrentRecipient;
import com.crmvoice.intent.notify.NotificationConsent;
import com.crmvoice.intent.progressive.HttpProgressiveResponses;
import com.crmvoice.intent.progressive.ProgressiveResponses;
import com.crmvoice.intent.settings.AlexaSettingsTimeZones;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The composition root of the intent function: configuration to wired services, once. Nothing here
 * needs the Salesforce settings: the gateway is wired on first use ({@link LazySalesforceGateway}),
 * so the init Lambda runs for SnapStart succeeds on a first deployment whose secret is blank.
 */
final class Wiring {

  private static final Logger LOG = LoggerFactory.getLogger(Wiring.class);

  /** Identity answers kept per container; a Lambda container serves few users at a time. */
  static final int IDENTITY_CACHE_ENTRIES = 1000;

  /** How long Alexa waits for the skill's response. */
  static final Duration ALEXA_WAITS = Duration.ofSeconds(8);

  private static final Duration STATUS_PICKLIST_TTL = Duration.ofHours(1);

  /** The Opportunity stages (describe and OpportunityStage), kept as long as the lead statuses. */
  private static final Duration STAGE_PICKLIST_TTL = Duration.ofHours(1);

  private Wiring() {}

  /**
   * The wired function.
   *
   * @param services what the request handlers use
   * @param primeStorage one read of the lead cache for an owner that does not exist (loads the
   *     DynamoDB client's request path; run before a SnapStart checkpoint)
   * @param afterRestore what must not be shared by the copies of one SnapStart snapshot: the AWS
   *     credentials and the Salesforce gateway (its connections, session and secret)
   */
  record Wired(SkillServices services, Runnable primeStorage, Runnable afterRestore) {}

  static Wired fromEnv(Map<String, String> environment) {
    return fromEnv(
        environment,
        HttpProgressiveResponses.create(
            CallBounds.fromEnv(EnvironmentReader.of(environment)).progressiveWait()));
  }

  /**
   * The function's start (environment, AWS clients, tables and queues), the Salesforce gateway
   * bounded by the live-lookup budget, then the stores and queues, and the services over them.
   */
  static Wired fromEnv(Map<String, String> environment, ProgressiveResponses progressive) {
    FunctionStartup start =
        FunctionStartup.of(
            FunctionEnvironments.INTENT, environment, env -> awsBounds(CallBounds.fromEnv(env)));
    EnvironmentReader env = start.env();
    AwsClients aws = start.aws();
    StorageConfig storage = start.storage();
    SkillConfig skill = SkillConfig.fromEnv(env);
    CacheConfig cache = CacheConfig.fromEnv(env);
    CallBounds bounds = CallBounds.fromEnv(env);
    TimeZoneConfig zones = TimeZoneConfig.fromEnv(env);
    // A first request pays for userinfo and, on a cache miss, a live lookup: bound every
    // Salesforce request by the budget, so the answer stays well inside Alexa's 8 seconds and a
    // lookup the skill stopped waiting for ends soon after rather than holding its thread.
    // Single-user mode: a cache hit needs no Salesforce call at all, so the secret is read and the
    // gateway built on first use. Account linking: the container's first request always asks
    // Salesforce's userinfo who the token belongs to, so the gateway is built at init (and so into
    // a SnapStart snapshot) rather than in that request.
    boolean singleUser = skill.identityMode() == SkillConfig.IdentityMode.SINGLE_USER;
    LazySalesforceGateway crm =
        start.crm(
            c -> withTimeout(c, min(c.timeout(), skill.liveLookupBudget())),
            c -> c.withTimeout(min(c.timeout(), skill.liveLookupBudget())),
            !singleUser);
    warnIfSlowerThanAlexa(skill, bounds);
    Clock clock = Clock.systemUTC();
    DynamoDbCommandLog commandLog = start.commandLog();
    CommandLog submissions =
        recordingRecipients(
            commandLog,
            new DynamoDbNotificationLog(aws.dynamoDb(), storage.requireCommandsTable()));
    DynamoDbLeadCache leadCache = start.leadCache(cache, clock);
    SqsCommandQueue commandQueue =
        new SqsCommandQueue(aws::sqs, storage.requireCommandQueueUrl(), new CommandCodec());
    DynamoDbDealCache deals =
        new DynamoDbDealCache(aws.dynamoDb(), storage.requireLeadsTable(), cache, clock);
    SkillServices services =
        new SkillServices(
            skill.skillId(),
            identity(skill, crm, clock),
            new TopLeadService(
                leadCache,
                crm,
                new SqsRefreshQueue(aws::sqs, storage.requireRefreshQueueUrl()),
                clock,
                cache.topN(),
                skill.liveLookupBudget(),
                lookupThreads()),
            new CreateLeadService(submissions, commandQueue, clock),
            new LeadStatusService(commandLog),
            progressive,
            new LeadWork(
                new WorkingSet(leadCache, cache.topN()),
                new LeadStatusCatalog(crm, clock, STATUS_PICKLIST_TTL, start.closedStatuses()),
                new CommandSubmitter(submissions, commandQueue, clock),
                new ChangeService(commandLog, clock),
                AlexaSettingsTimeZones.create(zones.settingsTimeout(), zones.defaultZone())),
            skill::admits,
            new DayService(
                start.agendaCache(cache, clock),
                leadCache,
                closingDeals(deals),
                crm.calendar(),
                clock,
                skill.liveLookupBudget(),
                lookupThreads()),
            new PipelineService(deals, clock),
            new DealWork(
                new DealReader(deals, clock),
                new DealUpdateService(
                    new DealStageCatalog(crm.deals()::stages, clock, STAGE_PICKLIST_TTL), clock),
                // A Dataverse opportunity has no next step column (docs/dynamics.md).
                !start.dynamics()));
    LOG.info(
        "intent function wired: identity={} budget={}ms aws={}ms/attempt {}ms salesforce={}",
        skill.identityMode().configName(),
        skill.liveLookupBudget().toMillis(),
        bounds.awsApiCall().toMillis(),
        bounds.awsApiCallAttempt().toMillis(),
        crm.isWired() ? "wired" : singleUser ? "on first use" : "not configured yet");
    return new Wired(
        services,
        () -> leadCache.topLeads(PRIMING_OWNER, 1),
        () -> {
          aws.forgetCredentials();
          if (crm.isWired() || !singleUser) {
            crm.rewire();
          }
        });
  }

  /** An owner id no Salesforce user has (Salesforce ids are 15 or 18 characters). */
  static final String PRIMING_OWNER = "005PRIMING";

  /** The briefing's "deals closing this week", from the deals cache (issue 14's DealCache). */
  static ClosingDeals closingDeals(DealCache deals) {
    return (owner, from, to) ->
        deals.dealsClosing(owner, from, to).stream()
            .map(d -> new ClosingDeals.DealMention(d.name(), d.closeDate()))
            .toList();
  }

  /** Logs a warning when these settings let the slowest answer take longer than Alexa waits. */
  private static void warnIfSlowerThanAlexa(SkillConfig skill, CallBounds bounds) {
    Duration worst = worstCase(skill, bounds);
    if (worst.compareTo(ALEXA_WAITS) >= 0) {
      LOG.warn(
          "the slowest answer may take {} ms, longer than Alexa waits ({} ms): lower {} or {}",
          worst.toMillis(),
          ALEXA_WAITS.toMillis(),
          EnvironmentVariables.LIVE_LOOKUP_BUDGET_MS,
          EnvironmentVariables.AWS_API_CALL_TIMEOUT_MS);
    }
  }

  /** One configured owner for every user, or each Alexa user's own, cached per container. */
  private static IdentityResolver identity(
      SkillConfig skill, LazySalesforceGateway crm, Clock clock) {
    return skill.identityMode() == SkillConfig.IdentityMode.SINGLE_USER
        ? new SingleUserIdentityResolver(skill.singleUserOwnerId())
        : new CachingIdentityResolver(crm, clock, skill.identityCacheTtl(), IDENTITY_CACHE_ENTRIES);
  }

  /** The live lookups' threads: daemons, so a lookup still running never keeps the JVM up. */
  private static ExecutorService lookupThreads() {
    return Executors.newCachedThreadPool(
        r -> {
          Thread thread = new Thread(r, "live-lookup");
          thread.setDaemon(true);
          return thread;
        });
  }

  /** Every command the skill queues records who to notify if it fails for good. */
  private static CommandLog recordingRecipients(
      CommandLog commandLog, DynamoDbNotificationLog notifications) {
    return new RecipientRecordingCommandLog(
        commandLog,
        notifications,
        CurrentRecipient.INSTANCE,
        new NotificationConsent(notifications));
  }

  /**
   * The Alexa user id the init's priming request names: one the skill admits, so priming runs the
   * path a real user's request takes.
   */
  static String primingUserId(Map<String, String> environment) {
    SkillConfig skill = SkillConfig.fromEnv(EnvironmentReader.of(environment));
    return skill.allowedAlexaUserIds().stream().sorted().findFirst().orElse("priming");
  }

  static AwsClients.Bounds awsBounds(CallBounds bounds) {
    return new AwsClients.Bounds(
        bounds.awsApiCall(), bounds.awsApiCallAttempt(), bounds.awsMaxAttempts());
  }

  /**
   * The longest a GetTopLead request can take with these settings, on its slowest path: userinfo
   * (bounded by the live-lookup budget), the cache read, the progressive response's wait, the live
   * lookup, then the cache write or the refresh request. Each AWS call is bounded by {@link
   * CallBounds#awsApiCall()}; Alexa waits 8 seconds.
   */
  static Duration worstCase(SkillConfig skill, CallBounds bounds) {
    return skill
        .liveLookupBudget()
        .multipliedBy(2)
        .plus(bounds.awsApiCall().multipliedBy(2))
        .plus(bounds.progressiveWait());
  }

  private static Duration min(Duration a, Duration b) {
    return a.compareTo(b) <= 0 ? a : b;
  }

  static SalesforceConfig withTimeout(SalesforceConfig c, Duration timeout) {
    return c.withTimeout(timeout);
  }
}
