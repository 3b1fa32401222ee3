package com.crmvoice.simulator.pipeline;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.crmvoice.adapters.aws.AwsClients;
import com.crmvoice.adapters.aws.ResourceDefinitions;
import com.crmvoice.adapters.aws.ResourceDefinitions.QueuePair;
import com.crmvoice.core.config.EnvironmentVariables;
import com.crmvoice.core.config.FunctionEnvironments;
import com.crmvoice.core.config.FunctionEnvironments.FunctionEnvironment;
import com.crmvoice.testkit.alexa.AlexaRequests;
import com.crmvoice.testkit.aws.EmbeddedAws;
import com.crmvoice.testkit.aws.LocalSqsEventSource;
import com.crmvoice.testkit.salesforce.FakeSalesforce;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * The whole back end on one machine, wired as AWS wires it: DynamoDB Local and ElasticMQ on
 * 127.0.0.1 (or the AWS endpoints the environment names), the fake Salesforce seeded with demo data
 * (or the org the SALESFORCE_* settings name), the tables and the queues with their dead-letter
 * queues from {@link ResourceDefinitions}, and the three functions loaded by handler class name
 * with the environment variable names template.yaml sets: the intent function, the CRM worker
 * behind a local SQS event source on the command queue (batches, partial batch failures, visibility
 * timeout, redrive to the DLQ), and the cache refresher on a local schedule and behind the refresh
 * queue.
 */
public final class LocalPipeline implements AutoCloseable {

  /** The Alexa user id of the simulator's device, the one single-user mode admits. */
  public static final String ALEXA_USER_ID = "amzn1.ask.account.SIMULATOR";

  private static final Logger LOG = LoggerFactory.getLogger(LocalPipeline.class);

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
   */
  public record Options(
      String namePrefix,
      boolean schedule,
      Duration incrementalEvery,
      Duration fullEvery,
      int visibilitySeconds,
      String skillId,
      Handlers handlers) {

    public static Options defaults() {
      return new Options(
          "crm-voice",
          true,
          Duration.ofSeconds(60),
          Duration.ofHours(1),
          20,
          AlexaRequests.DEFAULT_SKILL_ID,
          Handlers.standard());
    }

    public Options withNamePrefix(String prefix) {
      return new Options(
          prefix, schedule, incrementalEvery, fullEvery, visibilitySeconds, skillId, handlers);
    }

    public Options withSchedule(boolean on) {
      return new Options(
          namePrefix, on, incrementalEvery, fullEvery, visibilitySeconds, skillId, handlers);
    }

    public Options withIncrementalEvery(Duration every) {
      return new Options(
          namePrefix, schedule, every, fullEvery, visibilitySeconds, skillId, handlers);
    }

    public Options withFullEvery(Duration every) {
      return new Options(
          namePrefix, schedule, incrementalEvery, every, visibilitySeconds, skillId, handlers);
    }

    public Options withVisibilitySeconds(int seconds) {
      return new Options(
          namePrefix, schedule, incrementalEvery, fullEvery, seconds, skillId, handlers);
    }

    public Options withHandlers(Handlers classes) {
      return new Options(
          namePrefix, schedule, incrementalEvery, fullEvery, visibilitySeconds, skillId, classes);
    }
  }

  /** Messages in a queue: visible (waiting) and in flight (received, not yet deleted). */
  public record QueueDepth(String name, int visible, int inFlight) {}

  private final Options options;
  private final EmbeddedAws aws;
  private final FakeSalesforce salesforce;
  private final AwsClients clients;
  private final Map<String, String> env = new HashMap<>();
  private final Map<String, String> queues = new LinkedHashMap<>();
  private final Map<String, String> tokens = new java.util.concurrent.ConcurrentHashMap<>();
  private final List<String> problems = new ArrayList<>();
  private final List<String> warnings = new ArrayList<>();
  private final AtomicBoolean closed = new AtomicBoolean();
  private final Consumer<String> status;
  private volatile LambdaFunction intent;
  private volatile String intentProblem;
  private LambdaFunction worker;
  private LambdaFunction refresher;
  private LocalSqsEventSource commandSource;
  private LocalSqsEventSource refreshSource;
  private LocalNotifications notifications;
  private ScheduledExecutorService scheduler;

  private LocalPipeline(Options options, Map<String, String> hostEnv, Consumer<String> status) {
    this.options = options;
    this.status = status;
    boolean externalAws =
        present(hostEnv, "AWS_ENDPOINT_URL")
            || present(hostEnv, "AWS_ENDPOINT_URL_DYNAMODB")
            || present(hostEnv, "AWS_ENDPOINT_URL_SQS")
            || "external".equalsIgnoreCase(hostEnv.get("SIMULATOR_AWS"));
    if (externalAws) {
      aws = null;
      for (String name : hostEnv.keySet()) {
        if (name.startsWith("AWS_")) {
          env.put(name, hostEnv.get(name));
        }
      }
      status.accept("AWS: the endpoints and credentials of the environment (not embedded)");
    } else {
      aws = EmbeddedAws.startNew();
      env.putAll(aws.env());
      status.accept(
          "AWS: DynamoDB Local on "
              + aws.dynamoDbEndpoint()
              + ", ElasticMQ on "
              + aws.sqsEndpoint());
    }
    clients = AwsClients.fromEnv(env);
    createResources(hostEnv);

    boolean externalSalesforce =
        present(hostEnv, EnvironmentVariables.SALESFORCE_LOGIN_URL)
            || present(hostEnv, EnvironmentVariables.SALESFORCE_SECRET_ARN);
    if (externalSalesforce) {
      salesforce = null;
      status.accept("Salesforce: the org the SALESFORCE_* settings name (not the fake)");
    } else {
      salesforce = FakeSalesforce.start();
      salesforce.seedDemo();
      // Client credentials, as FakeSalesforce.main documents: seedDemo() gives the integration
      // user's id to "Rep 1", so a JWT naming the integration user's username finds no user.
      env.putAll(salesforce.clientCredentialsEnv());
      env.put(EnvironmentVariables.SALESFORCE_EXTERNAL_ID_FIELD, FakeSalesforce.EXTERNAL_ID_FIELD);
      env.put(EnvironmentVariables.SINGLE_USER_OWNER_ID, FakeSalesforce.DEMO_USER_ID);
      status.accept(
          "Salesforce: the fake on "
              + salesforce.baseUrl()
              + " ("
              + salesforce.leadCount()
              + " demo leads)");
    }
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
      pipeline.startFunctions();
    } catch (RuntimeException e) {
      pipeline.close();
      throw e;
    }
    return pipeline;
  }

  private void createResources(Map<String, String> hostEnv) {
    String prefix = options.namePrefix();
    String leads = hostEnv.getOrDefault(EnvironmentVariables.LEADS_TABLE, "");
    if (leads.isBlank()) {
      leads = prefix + "-leads";
      ResourceDefinitions.createLeadsTable(clients.dynamoDb(), leads);
    }
    String commands = hostEnv.getOrDefault(EnvironmentVariables.COMMANDS_TABLE, "");
    if (commands.isBlank()) {
      commands = prefix + "-commands";
      ResourceDefinitions.createCommandsTable(clients.dynamoDb(), commands);
    }
    env.put(EnvironmentVariables.LEADS_TABLE, leads);
    env.put(EnvironmentVariables.COMMANDS_TABLE, commands);
    if (present(hostEnv, EnvironmentVariables.COMMAND_QUEUE_URL)
        && present(hostEnv, EnvironmentVariables.COMMAND_DLQ_URL)) {
      env.put(
          EnvironmentVariables.COMMAND_QUEUE_URL,
          hostEnv.get(EnvironmentVariables.COMMAND_QUEUE_URL));
      env.put(
          EnvironmentVariables.COMMAND_DLQ_URL, hostEnv.get(EnvironmentVariables.COMMAND_DLQ_URL));
    } else {
      QueuePair pair =
          ResourceDefinitions.createQueueWithDlq(
              clients.sqs(),
              prefix + "-crm-commands",
              ResourceDefinitions.MAX_RECEIVE_COUNT,
              options.visibilitySeconds());
      env.put(EnvironmentVariables.COMMAND_QUEUE_URL, pair.queueUrl());
      env.put(EnvironmentVariables.COMMAND_DLQ_URL, pair.dlqUrl());
    }
    queues.put("crm-commands", env.get(EnvironmentVariables.COMMAND_QUEUE_URL));
    queues.put("crm-commands DLQ", env.get(EnvironmentVariables.COMMAND_DLQ_URL));
    if (present(hostEnv, EnvironmentVariables.REFRESH_QUEUE_URL)) {
      env.put(
          EnvironmentVariables.REFRESH_QUEUE_URL,
          hostEnv.get(EnvironmentVariables.REFRESH_QUEUE_URL));
      queues.put("crm-refresh", env.get(EnvironmentVariables.REFRESH_QUEUE_URL));
    } else {
      QueuePair pair =
          ResourceDefinitions.createQueueWithDlq(
              clients.sqs(),
              prefix + "-crm-refresh",
              ResourceDefinitions.MAX_RECEIVE_COUNT,
              options.visibilitySeconds());
      env.put(EnvironmentVariables.REFRESH_QUEUE_URL, pair.queueUrl());
      queues.put("crm-refresh", pair.queueUrl());
      queues.put("crm-refresh DLQ", pair.dlqUrl());
    }
    notifications =
        new LocalNotifications(clients, prefix, options.visibilitySeconds(), env, queues, status);
    status.accept("tables: " + leads + ", " + commands + "; queues: " + queues.keySet());
  }

  private void startFunctions() {
    worker =
        tryLoad(
            "crm-worker",
            options.handlers().worker(),
            FunctionEnvironments.WORKER,
            Duration.ofSeconds(60));
    refresher =
        tryLoad(
            "cache-refresher",
            options.handlers().refresher(),
            FunctionEnvironments.REFRESHER,
            Duration.ofMinutes(5));
    LambdaFunction notifier =
        tryLoad(
            "crm-notifier",
            LocalNotifications.handler(),
            FunctionEnvironments.NOTIFIER,
            Duration.ofSeconds(60));
    if (notifier != null) {
      notifications.start(
          clients, env.get(EnvironmentVariables.NOTIFICATION_QUEUE_URL), notifier::invoke);
    }
    rebuildIntent();
    if (worker != null) {
      commandSource =
          new LocalSqsEventSource(
              clients.sqs(),
              env.get(EnvironmentVariables.COMMAND_QUEUE_URL),
              this::invokeWorker,
              10,
              1);
      commandSource.start();
    }
    if (refresher != null) {
      refreshSource =
          new LocalSqsEventSource(
              clients.sqs(),
              env.get(EnvironmentVariables.REFRESH_QUEUE_URL),
              new SqsStreamAdapter(refresher),
              10,
              1);
      refreshSource.start();
      if (options.schedule()) {
        scheduler =
            Executors.newSingleThreadScheduledExecutor(
                r -> {
                  Thread t = new Thread(r, "refresh-schedule");
                  t.setDaemon(true);
                  return t;
                });
        scheduler.schedule(() -> scheduledPass("full"), 0, TimeUnit.SECONDS);
        scheduler.scheduleWithFixedDelay(
            () -> scheduledPass("incremental"),
            options.incrementalEvery().toMillis(),
            options.incrementalEvery().toMillis(),
            TimeUnit.MILLISECONDS);
        scheduler.scheduleWithFixedDelay(
            () -> scheduledPass("full"),
            options.fullEvery().toMillis(),
            options.fullEvery().toMillis(),
            TimeUnit.MILLISECONDS);
      }
    }
  }

  private SQSBatchResponse invokeWorker(SQSEvent event) {
    return worker.invoke(event);
  }

  private void scheduledPass(String pass) {
    try {
      refresh(pass);
    } catch (RuntimeException e) {
      LOG.warn("scheduled {} pass failed: {}", pass, e.toString());
    }
  }

  private LambdaFunction tryLoad(
      String name, String handler, FunctionEnvironment environment, Duration timeout) {
    try {
      LambdaFunction function = LambdaFunction.load(name, handler, envFor(environment), timeout);
      status.accept("function " + name + ": " + handler);
      return function;
    } catch (LambdaFunction.FunctionUnavailableException e) {
      problems.add(e.getMessage());
      status.accept("function " + name + " NOT AVAILABLE: " + e.getMessage());
      LOG.warn("{}", e.getMessage(), e.getCause());
      return null;
    }
  }

  private synchronized void rebuildIntent() {
    try {
      intent =
          LambdaFunction.load("intent", options.handlers().intent(), env, Duration.ofSeconds(8));
      intentProblem = null;
      status.accept(
          "function intent: "
              + options.handlers().intent()
              + " (owner "
              + env.get(EnvironmentVariables.SINGLE_USER_OWNER_ID)
              + ")");
    } catch (LambdaFunction.FunctionUnavailableException e) {
      intent = null;
      intentProblem = e.getMessage();
      problems.add(e.getMessage());
      status.accept("function intent NOT AVAILABLE: " + e.getMessage());
    }
  }

  /**
   * What one function's environment holds, as template.yaml sets it per function: the variables it
   * reads ({@link FunctionEnvironments}), the standard AWS settings, and the Salesforce credentials
   * that in AWS come from the Secrets Manager secret.
   */
  Map<String, String> envFor(FunctionEnvironment function) {
    Map<String, String> own = new HashMap<>();
    env.forEach(
        (name, value) -> {
          if (name.startsWith("AWS_")
              || function.reads().contains(name)
              || FunctionEnvironments.SECRET_ONLY.contains(name)) {
            own.put(name, value);
          }
        });
    return own;
  }

  /** The intent function now (another one after {@link #switchOwner}). */
  public Supplier<LambdaFunction> intentFunction() {
    return () -> {
      LambdaFunction current = intent;
      if (current == null) {
        throw new IllegalStateException(
            intentProblem == null ? "the intent function is not available" : intentProblem);
      }
      return current;
    };
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
    rebuildIntent();
  }

  private boolean accountLinking() {
    return "account-linking".equals(env.get(EnvironmentVariables.IDENTITY_MODE));
  }

  /**
   * The account-linking access token to put in request envelopes: with
   * IDENTITY_MODE=account-linking and the fake Salesforce, a user token of the current owner, as
   * Alexa hands the linked account's token to the skill; otherwise null (single-user mode needs
   * none).
   */
  public String accessToken() {
    if (!accountLinking() || salesforce == null) {
      return null;
    }
    return tokens.computeIfAbsent(ownerId(), salesforce::issueUserToken);
  }

  public String ownerId() {
    return env.get(EnvironmentVariables.SINGLE_USER_OWNER_ID);
  }

  /** Runs one refresher pass now ("full" or "incremental"); answers the function's output. */
  public String refresh(String pass) {
    if (refresher == null) {
      throw new IllegalStateException("the cache refresher is not available");
    }
    byte[] output =
        refresher.invokeStream(("{\"pass\":\"" + pass + "\"}").getBytes(StandardCharsets.UTF_8));
    return new String(output, StandardCharsets.UTF_8);
  }

  public List<QueueDepth> queueDepths() {
    List<QueueDepth> depths = new ArrayList<>();
    queues.forEach(
        (name, url) -> {
          Map<QueueAttributeName, String> attributes =
              clients
                  .sqs()
                  .getQueueAttributes(
                      r ->
                          r.queueUrl(url)
                              .attributeNames(
                                  QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES,
                                  QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE))
                  .attributes();
          depths.add(
              new QueueDepth(
                  name,
                  Integer.parseInt(
                      attributes.getOrDefault(
                          QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES, "0")),
                  Integer.parseInt(
                      attributes.getOrDefault(
                          QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE, "0"))));
        });
    return depths;
  }

  /**
   * Stops or restarts the worker's event source, as disabling the SQS event source mapping does:
   * commands stay on the queue, unclaimed, until it resumes (what "undo that" can still cancel).
   */
  public synchronized void pauseWorker(boolean paused) {
    if (commandSource == null) {
      throw new IllegalStateException("the worker is not running here");
    }
    if (paused) {
      commandSource.close();
    } else {
      commandSource.start();
    }
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

  public Optional<FakeSalesforce> salesforce() {
    return Optional.ofNullable(salesforce);
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
    return intent != null;
  }

  public boolean refresherAvailable() {
    return refresher != null;
  }

  public boolean workerAvailable() {
    return worker != null;
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

  private static boolean present(Map<String, String> env, String name) {
    String value = env.get(name);
    return value != null && !value.isBlank();
  }

  @Override
  public void close() {
    if (closed.getAndSet(true)) {
      return;
    }
    if (scheduler != null) {
      scheduler.shutdownNow();
    }
    if (commandSource != null) {
      commandSource.close();
    }
    if (refreshSource != null) {
      refreshSource.close();
    }
    if (notifications != null) {
      notifications.close();
    }
    if (salesforce != null) {
      salesforce.close();
    }
    clients.close();
    if (aws != null) {
      aws.close();
    }
  }
}
