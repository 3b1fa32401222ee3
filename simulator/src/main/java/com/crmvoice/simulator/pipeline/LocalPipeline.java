package com.crmvoice.simulator.pipeline;

import com.crmvoice.adapters.aws.AwsClients;
import com.crmvoice.core.config.EnvironmentVariables;
import com.crmvoice.core.config.FunctionEnvironments;
import com.crmvoice.core.config.FunctionEnvironments.FunctionEnvironment;
import com.crmvoice.simulator.crm.DataverseFake;
import com.crmvoice.simulator.crm.FakeCrm;
import com.crmvoice.simulator.crm.LocalCrm;
import com.crmvoice.simulator.crm.SalesforceFake;
import com.crmvoice.testkit.alexa.AlexaRequests;
import com.crmvoice.testkit.aws.EmbeddedAws;
import com.crmvoice.testkit.dataverse.FakeDataverse;
import com.crmvoice.testkit.salesforce.FakeSalesforce;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The whole back end on one machine, wired as AWS wires it: DynamoDB Local and ElasticMQ on
 * 127.0.0.1 (or the AWS endpoints the environment names), the fake of the chosen CRM (Salesforce,
 * or Dynamics 365 with {@code crm} dynamics) seeded with demo data ({@link LocalCrm}; or the CRM
 * the environment names), the tables and queues ({@link LocalResources}), and the functions behind
 * their local SQS event sources and the refresher's schedule ({@link LocalFunctions}), each with
 * the environment variables template.yaml gives it.
 */
public final class LocalPipeline implements AutoCloseable {

  /** The Alexa user id of the simulator's device, the one single-user mode admits. */
  public static final String ALEXA_USER_ID = "amzn1.ask.account.SIMULATOR";

  // The classes of template.yaml's Handler properties (deployment's FunctionHandlers holds the
  // same, checked against the template); strings, as the functions are loaded by name.
  public static final String INTENT_HANDLER = "com.crmvoice.intent.IntentStreamHandler";
  public static final String WORKER_HANDLER = "com.crmvoice.worker.CrmWorkerHandler";
  public static final String REFRESHER_HANDLER = "com.crmvoice.refresher.CacheRefresherHandler";

  /** The handler classes, as template.yaml names them (tests may swap in their own). */
  public record Handlers(String intent, String worker, String refresher) {
    public static Handlers standard() {
      return new Handlers(INTENT_HANDLER, WORKER_HANDLER, REFRESHER_HANDLER);
    }
  }

  /**
   * How the pipeline runs.
   *
   * @param namePrefix prefix of the tables and queues it creates
   * @param schedule whether the refresher runs on its schedule (tests trigger passes instead)
   * @param incrementalEvery the incremental pass's rate
   * @param fullEvery the full pass's rate (one runs at start)
   * @param visibilitySeconds the queues' visibility timeout (the worker's lease stays below it)
   * @param skillId the skill id the intent function verifies (SKILL_ID)
   * @param handlers the handler classes to load
   * @param crm the CRM to run against: salesforce (default) or dynamics (the CRM setting)
   */
  public record Options(
      String namePrefix,
      boolean schedule,
      Duration incrementalEvery,
      Duration fullEvery,
      int visibilitySeconds,
      String skillId,
      Handlers handlers,
      String crm) {

    /** The CRM setting's values. */
    public static final java.util.List<String> CRMS = java.util.List.of("salesforce", "dynamics");

    public Options {
      if (!CRMS.contains(crm)) {
        throw new IllegalArgumentException("the CRM is salesforce or dynamics, not " + crm);
      }
    }

    public static Options defaults() {
      return new Options(
          "crm-voice",
          true,
          Duration.ofSeconds(60),
          Duration.ofHours(1),
          20,
          AlexaRequests.DEFAULT_SKILL_ID,
          Handlers.standard(),
          "salesforce");
    }

    public Options withNamePrefix(String prefix) {
      return new Options(
          prefix, schedule, incrementalEvery, fullEvery, visibilitySeconds, skillId, handlers, crm);
    }

    public Options withSchedule(boolean on) {
      return new Options(
          namePrefix, on, incrementalEvery, fullEvery, visibilitySeconds, skillId, handlers, crm);
    }

    public Options withIncrementalEvery(Duration every) {
      return new Options(
          namePrefix, schedule, every, fullEvery, visibilitySeconds, skillId, handlers, crm);
    }

    public Options withFullEvery(Duration every) {
      return new Options(
          namePrefix, schedule, incrementalEvery, every, visibilitySeconds, skillId, handlers, crm);
    }

    public Options withVisibilitySeconds(int seconds) {
      return new Options(
          namePrefix, schedule, incrementalEvery, fullEvery, seconds, skillId, handlers, crm);
    }

    public Options withCrm(String which) {
      return new Options(
          namePrefix,
          schedule,
          incrementalEvery,
          fullEvery,
          visibilitySeconds,
          skillId,
          handlers,
          which.toLowerCase(java.util.Locale.ROOT));
    }

    public Options withHandlers(Handlers classes) {
      return new Options(
          namePrefix,
          schedule,
          incrementalEvery,
          fullEvery,
          visibilitySeconds,
          skillId,
          classes,
          crm);
    }
  }

  /** Messages in a queue: visible (waiting) and in flight (received, not yet deleted). */
  public record QueueDepth(String name, int visible, int inFlight) {}

  private final Options options;
  private final EmbeddedAws aws;
  private final FakeCrm crm;
  private final AwsClients clients;
  private final Map<String, String> env = new HashMap<>();
  private final Map<String, String> queues = new LinkedHashMap<>();
  private final Map<String, String> tokens = new java.util.concurrent.ConcurrentHashMap<>();
  private final List<String> problems = new ArrayList<>();
  private final List<String> warnings = new ArrayList<>();
  private final AtomicBoolean closed = new AtomicBoolean();
  private final Consumer<String> status;
  private final LocalFunctions functions;
  private final LocalNotifications notifications;

  private LocalPipeline(Options options, Map<String, String> hostEnv, Consumer<String> status) {
    this.options = options;
    this.status = status;
    aws = startAws(hostEnv);
    clients = AwsClients.fromEnv(env);
    functions =
        new LocalFunctions(
            options, clients.sqs(), env, status, problems, LocalFunctions.intentInstances(hostEnv));
    notifications = LocalResources.create(clients, options, hostEnv, env, queues, status);

    crm = LocalCrm.start(options.crm(), hostEnv, env, status);
    skillSettings(hostEnv);
  }

  /** DynamoDB Local and ElasticMQ embedded, or null when the environment names AWS endpoints. */
  private EmbeddedAws startAws(Map<String, String> hostEnv) {
    boolean externalAws =
        present(hostEnv, "AWS_ENDPOINT_URL")
            || present(hostEnv, "AWS_ENDPOINT_URL_DYNAMODB")
            || present(hostEnv, "AWS_ENDPOINT_URL_SQS")
            || "external".equalsIgnoreCase(hostEnv.get("SIMULATOR_AWS"));
    if (externalAws) {
      for (String name : hostEnv.keySet()) {
        if (name.startsWith("AWS_")) {
          env.put(name, hostEnv.get(name));
        }
      }
      status.accept("AWS: the endpoints and credentials of the environment (not embedded)");
      return null;
    } else {
      EmbeddedAws aws = EmbeddedAws.startNew();
      env.putAll(aws.env());
      status.accept(
          "AWS: DynamoDB Local on "
              + aws.dynamoDbEndpoint()
              + ", ElasticMQ on "
              + aws.sqsEndpoint());
      return aws;
    }
  }

  /** The skill's settings for the simulated device, then what the host's environment overrides. */
  private void skillSettings(Map<String, String> hostEnv) {
    env.put(EnvironmentVariables.SKILL_ID, options.skillId());
    env.put(EnvironmentVariables.IDENTITY_MODE, "single-user");
    // Single-user mode answers only the Alexa users it names: the simulator's own device.
    env.put(EnvironmentVariables.ALLOWED_ALEXA_USER_IDS, ALEXA_USER_ID);
    env.put(
        EnvironmentVariables.WORKER_LEASE_SECONDS,
        Integer.toString(Math.max(5, options.visibilitySeconds() - 5)));
    for (String name : envNames()) {
      if (present(hostEnv, name)) {
        env.put(name, hostEnv.get(name));
      }
    }
    // The simulator's CRM choice decides which adapter the functions wire.
    if (options.crm().equals("dynamics")) {
      env.put(EnvironmentVariables.CRM, "dynamics");
    } else {
      env.remove(EnvironmentVariables.CRM);
    }
    if (!env.containsKey(EnvironmentVariables.SINGLE_USER_OWNER_ID)) {
      warnings.add(
          EnvironmentVariables.SINGLE_USER_OWNER_ID
              + " is not set: the skill does not know whose leads to read");
    }
  }

  /**
   * Starts everything; {@code hostEnv} is the simulator's own environment (System.getenv() at the
   * entry point), whose AWS_* and EnvironmentVariables settings point the pipeline at real systems.
   */
  public static LocalPipeline start(
      Options options, Map<String, String> hostEnv, Consumer<String> status) {
    LocalPipeline pipeline = new LocalPipeline(options, hostEnv, status);
    try {
      pipeline.functions.start(pipeline.notifications);
    } catch (RuntimeException e) {
      pipeline.close();
      throw e;
    }
    return pipeline;
  }

  /**
   * What one function's environment holds, as template.yaml sets it per function: the variables it
   * reads ({@link FunctionEnvironments}), the standard AWS settings, and the CRM credentials that
   * in AWS come from the Secrets Manager secret.
   */
  Map<String, String> envFor(FunctionEnvironment function) {
    return functions.envFor(function);
  }

  /** The intent function now (another one after {@link #switchOwner}). */
  public Supplier<LambdaFunction> intentFunction() {
    return functions::intent;
  }

  /**
   * Invokes the intent function as Lambda does under concurrent requests: each on an instance of
   * its own, up to SIMULATOR_INTENT_INSTANCES (default 8) instances, each cold-started when first
   * needed.
   */
  public byte[] invokeIntent(byte[] requestEnvelope) {
    return functions.invokeIntent(requestEnvelope);
  }

  /**
   * Single-user mode for another CRM user: the intent function is built again with another
   * SINGLE_USER_OWNER_ID, as a redeploy with another setting would.
   */
  public synchronized void switchOwner(String ownerId) {
    env.put(EnvironmentVariables.SINGLE_USER_OWNER_ID, ownerId);
    if (accountLinking()) {
      // The skill finds the user from the access token: only the token changes.
      status.accept("account linking: requests now carry a token of " + ownerId);
      return;
    }
    functions.rebuildIntent();
  }

  private boolean accountLinking() {
    return "account-linking".equals(env.get(EnvironmentVariables.IDENTITY_MODE));
  }

  /**
   * The account-linking access token to put in request envelopes: with
   * IDENTITY_MODE=account-linking and a fake CRM, a user token of the current owner, as Alexa hands
   * the linked account's token to the skill; otherwise null (single-user mode needs none).
   */
  public String accessToken() {
    if (!accountLinking() || crm == null) {
      return null;
    }
    return tokens.computeIfAbsent(ownerId(), crm::issueUserToken);
  }

  public String ownerId() {
    return env.get(EnvironmentVariables.SINGLE_USER_OWNER_ID);
  }

  /** Runs one refresher pass now ("full" or "incremental"); answers the function's output. */
  public String refresh(String pass) {
    return functions.refresh(pass);
  }

  /** The depth of each queue the pipeline feeds or fills, dead-letter queues included. */
  public List<QueueDepth> queueDepths() {
    List<QueueDepth> depths = new ArrayList<>();
    queues.forEach(
        (name, url) -> {
          com.crmvoice.testkit.aws.QueueDepth depth =
              com.crmvoice.testkit.aws.QueueDepth.of(clients.sqs(), url);
          depths.add(new QueueDepth(name, depth.visible(), depth.inFlight()));
        });
    return depths;
  }

  /**
   * Stops or restarts the worker's event source, as disabling the SQS event source mapping does:
   * commands stay on the queue, unclaimed, until it resumes (what "undo that" can still cancel).
   */
  public synchronized void pauseWorker(boolean paused) {
    functions.pauseWorker(paused);
  }

  /**
   * Waits until the command and refresh queues hold nothing, visible or in flight (the worker and
   * the refresher are done); answers false if {@code max} passed first.
   */
  public boolean awaitIdle(Duration max) {
    long deadline = System.nanoTime() + max.toNanos();
    while (true) {
      boolean idle =
          queueDepths().stream()
              .filter(d -> !d.name().endsWith("DLQ"))
              .allMatch(d -> d.visible() == 0 && d.inFlight() == 0);
      if (idle) {
        return true;
      }
      if (System.nanoTime() > deadline) {
        return false;
      }
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return false;
      }
    }
  }

  /** The fake CRM the pipeline runs against, or empty when it runs against a real one. */
  public Optional<FakeCrm> crm() {
    return Optional.ofNullable(crm);
  }

  /** The fake Salesforce, when the pipeline runs against it. */
  public Optional<FakeSalesforce> salesforce() {
    return crm instanceof SalesforceFake sf ? Optional.of(sf.fake()) : Optional.empty();
  }

  /** The fake Dataverse, when the pipeline runs against it (--crm dynamics). */
  public Optional<FakeDataverse> dataverse() {
    return crm instanceof DataverseFake dv ? Optional.of(dv.fake()) : Optional.empty();
  }

  /** The environment the functions were built with (secrets included: never print it whole). */
  public Map<String, String> env() {
    return Map.copyOf(env);
  }

  public AwsClients clients() {
    return clients;
  }

  /** What could not be started (a missing handler class, a failed cold start). */
  public List<String> problems() {
    List<String> all = new ArrayList<>(warnings);
    all.addAll(problems);
    return all;
  }

  /** Configuration that will make the functions fail (not reported at start otherwise). */
  public List<String> warnings() {
    return List.copyOf(warnings);
  }

  public boolean intentAvailable() {
    return functions.intentAvailable();
  }

  public boolean refresherAvailable() {
    return functions.refresherAvailable();
  }

  public boolean workerAvailable() {
    return functions.workerAvailable();
  }

  /** Every variable name declared in {@link EnvironmentVariables}. */
  static Set<String> envNames() {
    Set<String> names = new TreeSet<>();
    for (Field field : EnvironmentVariables.class.getFields()) {
      if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class) {
        try {
          names.add((String) field.get(null));
        } catch (IllegalAccessException e) {
          throw new IllegalStateException(e);
        }
      }
    }
    return names;
  }

  static boolean present(Map<String, String> env, String name) {
    String value = env.get(name);
    return value != null && !value.isBlank();
  }

  @Override
  public void close() {
    if (closed.getAndSet(true)) {
      return;
    }
    functions.close();
    if (notifications != null) {
      notifications.close();
    }
    if (crm != null) {
      crm.close();
    }
    clients.close();
    if (aws != null) {
      aws.close();
    }
  }
}
