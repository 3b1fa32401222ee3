package com.crmvoice.simulator.pipeline;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.crmvoice.core.config.EnvironmentVariables;
import com.crmvoice.core.config.FunctionEnvironments;
import com.crmvoice.core.config.FunctionEnvironments.FunctionEnvironment;
import com.crmvoice.simulator.pipeline.LocalPipeline.Options;
import com.crmvoice.testkit.aws.LocalSqsEventSource;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * The four functions as Lambda runs them: each loaded once by handler class name with its own
 * environment ({@link #envFor}), the worker and the refresher behind local SQS event sources, the
 * notifier behind the notification queue, and the refresher's schedule. A function that cannot be
 * loaded is reported in {@code problems} and left out; the rest run.
 */
final class LocalFunctions implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(LocalFunctions.class);

  private final Options options;
  private final SqsClient sqs;
  private final Map<String, String> env;
  private final Consumer<String> status;
  private final List<String> problems;
  private volatile LambdaFunction intent;
  private volatile String intentProblem;
  private final FunctionInstances intents;
  private LambdaFunction worker;
  private LambdaFunction refresher;
  private LocalSqsEventSource commandSource;
  private LocalSqsEventSource refreshSource;
  private ScheduledExecutorService scheduler;

  /**
   * {@code env} is the pipeline's, read when a function is (re)built; problems are added to; at
   * most {@code intentInstances} intent instances run at once.
   */
  LocalFunctions(
      Options options,
      SqsClient sqs,
      Map<String, String> env,
      Consumer<String> status,
      List<String> problems,
      int intentInstances) {
    this.options = options;
    this.sqs = sqs;
    this.env = env;
    this.status = status;
    this.problems = problems;
    this.intents =
        new FunctionInstances(
            () ->
                LambdaFunction.load(
                    "intent", options.handlers().intent(), Map.copyOf(env), INTENT_TIMEOUT),
            intentInstances);
  }

  /** How long Alexa waits for the skill, the intent function's timeout in template.yaml. */
  private static final Duration INTENT_TIMEOUT = Duration.ofSeconds(8);

  /**
   * Intent instances at most, as Lambda runs up to that many containers at once: the host's
   * SIMULATOR_INTENT_INSTANCES (1 to 64), default {@link #DEFAULT_INTENT_INSTANCES}.
   */
  static int intentInstances(Map<String, String> env) {
    String value = env.get(INTENT_INSTANCES);
    try {
      int n = value == null || value.isBlank() ? DEFAULT_INTENT_INSTANCES : Integer.parseInt(value);
      return Math.max(1, Math.min(n, 64));
    } catch (NumberFormatException e) {
      return DEFAULT_INTENT_INSTANCES;
    }
  }

  static final String INTENT_INSTANCES = "SIMULATOR_INTENT_INSTANCES";
  static final int DEFAULT_INTENT_INSTANCES = 8;

  void start(LocalNotifications notifications) {
    worker =
        load(
            "crm-worker",
            options.handlers().worker(),
            envFor(FunctionEnvironments.WORKER),
            Duration.ofSeconds(60),
            "");
    refresher =
        load(
            "cache-refresher",
            options.handlers().refresher(),
            envFor(FunctionEnvironments.REFRESHER),
            Duration.ofMinutes(5),
            "");
    LambdaFunction notifier =
        load(
            "crm-notifier",
            LocalNotifications.handler(),
            envFor(FunctionEnvironments.NOTIFIER),
            Duration.ofSeconds(60),
            "");
    if (notifier != null) {
      notifications.start(
          eventSource(env.get(EnvironmentVariables.NOTIFICATION_QUEUE_URL), notifier::invoke));
    }
    rebuildIntent();
    if (worker != null) {
      commandSource =
          eventSource(env.get(EnvironmentVariables.COMMAND_QUEUE_URL), this::invokeWorker);
    }
    if (refresher != null) {
      refreshSource =
          eventSource(
              env.get(EnvironmentVariables.REFRESH_QUEUE_URL), new SqsStreamAdapter(refresher));
      if (options.schedule()) {
        startSchedule();
      }
    }
  }

  /** An event source of batches up to 10 feeding {@code function}, started. */
  private LocalSqsEventSource eventSource(
      String queueUrl, Function<SQSEvent, SQSBatchResponse> function) {
    LocalSqsEventSource source = new LocalSqsEventSource(sqs, queueUrl, function, 10, 1);
    source.start();
    return source;
  }

  private void startSchedule() {
    scheduler =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "refresh-schedule");
              t.setDaemon(true);
              return t;
            });
    scheduler.schedule(() -> scheduledPass("full"), 0, TimeUnit.SECONDS);
    scheduler.schedule(() -> scheduledPass("agenda-full"), 0, TimeUnit.SECONDS);
    scheduler.schedule(() -> scheduledPass("deals-full"), 0, TimeUnit.SECONDS);
    scheduler.scheduleWithFixedDelay(
        () -> {
          scheduledPass("incremental");
          scheduledPass("agenda-incremental");
          scheduledPass("deals-incremental");
        },
        options.incrementalEvery().toMillis(),
        options.incrementalEvery().toMillis(),
        TimeUnit.MILLISECONDS);
    scheduler.scheduleWithFixedDelay(
        () -> {
          scheduledPass("full");
          scheduledPass("agenda-full");
          scheduledPass("deals-full");
        },
        options.fullEvery().toMillis(),
        options.fullEvery().toMillis(),
        TimeUnit.MILLISECONDS);
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

  /** A cold start of one function; null (and a problem reported) when it cannot start. */
  private LambdaFunction load(
      String name, String handler, Map<String, String> environment, Duration timeout, String note) {
    try {
      LambdaFunction function = LambdaFunction.load(name, handler, environment, timeout);
      status.accept("function " + name + ": " + handler + note);
      return function;
    } catch (LambdaFunction.FunctionUnavailableException e) {
      problems.add(e.getMessage());
      status.accept("function " + name + " NOT AVAILABLE: " + e.getMessage());
      LOG.warn("{}", e.getMessage(), e.getCause());
      return null;
    }
  }

  /** Builds the intent function again from the pipeline's environment now. */
  synchronized void rebuildIntent() {
    LambdaFunction built =
        load(
            "intent",
            options.handlers().intent(),
            env,
            INTENT_TIMEOUT,
            " (owner " + env.get(EnvironmentVariables.SINGLE_USER_OWNER_ID) + ")");
    intent = built;
    intentProblem = built == null ? problems.get(problems.size() - 1) : null;
    if (built != null) {
      intents.replace(built);
    }
  }

  /**
   * One intent invocation on one of up to {@link #intentInstances} instances, as Lambda spreads
   * concurrent requests over containers; throws with the reason when the function is not available.
   */
  byte[] invokeIntent(byte[] input) {
    intent();
    return intents.invokeStream(input);
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

  /** The intent function now; throws with the reason when it is not available. */
  LambdaFunction intent() {
    LambdaFunction current = intent;
    if (current == null) {
      throw new IllegalStateException(
          intentProblem == null ? "the intent function is not available" : intentProblem);
    }
    return current;
  }

  boolean intentAvailable() {
    return intent != null;
  }

  boolean workerAvailable() {
    return worker != null;
  }

  boolean refresherAvailable() {
    return refresher != null;
  }

  /**
   * Runs one refresher pass now ("full", "incremental", "agenda-full", "agenda-incremental",
   * "deals-full", "deals-incremental"); answers the function's output.
   */
  String refresh(String pass) {
    if (refresher == null) {
      throw new IllegalStateException("the cache refresher is not available");
    }
    byte[] output =
        refresher.invokeStream(("{\"pass\":\"" + pass + "\"}").getBytes(StandardCharsets.UTF_8));
    return new String(output, StandardCharsets.UTF_8);
  }

  synchronized void pauseWorker(boolean paused) {
    if (commandSource == null) {
      throw new IllegalStateException("the worker is not running here");
    }
    if (paused) {
      commandSource.close();
    } else {
      commandSource.start();
    }
  }

  @Override
  public void close() {
    if (scheduler != null) {
      scheduler.shutdownNow();
    }
    if (commandSource != null) {
      commandSource.close();
    }
    if (refreshSource != null) {
      refreshSource.close();
    }
  }
}
