package com.crmvoice.core.config;

import static com.crmvoice.core.config.EnvironmentVariables.*;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which {@link EnvironmentVariables} each Lambda function requires, reads with a default, or must
 * get from the Salesforce secret only. Handlers check their environment against it at cold start;
 * deployment's tests check that template.yaml sets what each requires and nothing it does not read.
 */
public final class FunctionEnvironments {

  private FunctionEnvironments() {}

  /**
   * The value of {@link EnvironmentVariables#IDENTITY_MODE} that needs {@link
   * EnvironmentVariables#SINGLE_USER_OWNER_ID}.
   */
  public static final String SINGLE_USER_MODE = "single-user";

  /** The other identity mode: the Alexa account-linking token identifies the Salesforce user. */
  public static final String ACCOUNT_LINKING_MODE = "account-linking";

  /**
   * Credentials: read from the Secrets Manager secret (SalesforceSettings lays its SALESFORCE_*
   * keys over the environment), never set as plain environment variables in a deployment.
   */
  public static final Set<String> SECRET_ONLY =
      Set.of(
          SALESFORCE_CLIENT_SECRET,
          SALESFORCE_PRIVATE_KEY,
          ALEXA_CLIENT_SECRET,
          DYNAMICS_CLIENT_SECRET);

  /** Salesforce settings that are not secret: any function that talks to Salesforce reads them. */
  public static final Set<String> SALESFORCE_SETTINGS =
      Set.of(
          SALESFORCE_LOGIN_URL,
          SALESFORCE_API_VERSION,
          SALESFORCE_AUTH_FLOW,
          SALESFORCE_CLIENT_ID,
          SALESFORCE_USERNAME,
          SALESFORCE_CLOSED_STATUSES,
          SALESFORCE_EXTERNAL_ID_FIELD,
          SALESFORCE_TIMEOUT_MS,
          SALESFORCE_JWT_AUDIENCE,
          SALESFORCE_AUTO_ASSIGN,
          SALESFORCE_DUPLICATE_ALLOW_SAVE,
          // Which CRM, and the Dynamics 365 settings (its secret in the same Secrets Manager
          // secret).
          CRM,
          DYNAMICS_URL,
          DYNAMICS_API_VERSION,
          DYNAMICS_TENANT_ID,
          DYNAMICS_CLIENT_ID,
          DYNAMICS_AUTHORITY_URL,
          DYNAMICS_COMMAND_ID_COLUMN,
          DYNAMICS_TIMEOUT_MS);

  /**
   * One Lambda function's environment.
   *
   * @param name a short name ("intent", "worker", "refresher")
   * @param required variables the function cannot start without, wherever it runs
   * @param optional variables it reads when set, with a default otherwise
   */
  public record FunctionEnvironment(String name, Set<String> required, Set<String> optional) {

    public FunctionEnvironment {
      required = Collections.unmodifiableSet(new LinkedHashSet<>(required));
      optional = Collections.unmodifiableSet(new LinkedHashSet<>(optional));
      if (required.stream().anyMatch(optional::contains)) {
        throw new IllegalArgumentException(name + ": a variable is both required and optional");
      }
    }

    /**
     * What a deployment must set: the required variables and the secret's ARN, since in AWS the
     * Salesforce credentials come from Secrets Manager only.
     */
    public Set<String> requiredWhenDeployed() {
      Set<String> names = new LinkedHashSet<>(required);
      // In AWS each function that reads a secret's ARN gets its credentials from that secret only.
      for (String arn : List.of(SALESFORCE_SECRET_ARN, ALEXA_SECRET_ARN)) {
        if (optional.contains(arn)) {
          names.add(arn);
        }
      }
      return Collections.unmodifiableSet(names);
    }

    /** Every variable this function reads. */
    public Set<String> reads() {
      Set<String> names = new LinkedHashSet<>(required);
      names.addAll(optional);
      return Collections.unmodifiableSet(names);
    }

    /**
     * The required variables missing from {@code env} (blank counts as missing), including those a
     * setting makes required ({@link EnvironmentVariables#SINGLE_USER_OWNER_ID} and {@link
     * EnvironmentVariables#ALLOWED_ALEXA_USER_IDS} in single-user mode). Empty when the environment
     * is complete.
     */
    public List<String> missingFrom(Map<String, String> env) {
      List<String> missing = new ArrayList<>();
      for (String name : required) {
        if (isBlank(env.get(name))) {
          missing.add(name);
        }
      }
      boolean singleUser = SINGLE_USER_MODE.equalsIgnoreCase(strip(env.get(IDENTITY_MODE)));
      if (optional.contains(SINGLE_USER_OWNER_ID)
          && singleUser
          && isBlank(env.get(SINGLE_USER_OWNER_ID))) {
        missing.add(SINGLE_USER_OWNER_ID);
      }
      if (optional.contains(ALLOWED_ALEXA_USER_IDS)
          && singleUser
          && isBlank(env.get(ALLOWED_ALEXA_USER_IDS))) {
        missing.add(ALLOWED_ALEXA_USER_IDS);
      }
      return List.copyOf(missing);
    }

    /**
     * Fails the cold start with one message naming every missing variable.
     *
     * @throws ConfigException when a required variable is missing
     */
    public void check(Map<String, String> env) {
      List<String> missing = missingFrom(env);
      if (!missing.isEmpty()) {
        throw new ConfigException(
            "the "
                + name
                + " function needs "
                + String.join(", ", missing)
                + " but they are not set");
      }
    }

    private static boolean isBlank(String value) {
      return value == null || value.isBlank();
    }

    private static String strip(String value) {
      return value == null ? null : value.strip();
    }
  }

  /** The skill's function: answers Alexa, reads the cache, queues commands and refreshes. */
  public static final FunctionEnvironment INTENT =
      new FunctionEnvironment(
          "intent",
          Set.of(LEADS_TABLE, COMMANDS_TABLE, COMMAND_QUEUE_URL, REFRESH_QUEUE_URL, SKILL_ID),
          union(
              Set.of(
                  IDENTITY_MODE,
                  SINGLE_USER_OWNER_ID,
                  ALLOWED_ALEXA_USER_IDS,
                  LIVE_LOOKUP_BUDGET_MS,
                  AWS_API_CALL_TIMEOUT_MS,
                  AWS_API_CALL_ATTEMPT_TIMEOUT_MS,
                  PROGRESSIVE_RESPONSE_WAIT_MS,
                  DEFAULT_TIME_ZONE,
                  ALEXA_SETTINGS_TIMEOUT_MS,
                  IDENTITY_CACHE_TTL_SECONDS,
                  LEAD_CACHE_TOP_N,
                  LEAD_CACHE_TTL_HOURS,
                  SALESFORCE_SECRET_ARN),
              SALESFORCE_SETTINGS));

  /** The command queue's consumer: makes the CRM calls. */
  public static final FunctionEnvironment WORKER =
      new FunctionEnvironment(
          "worker",
          Set.of(COMMANDS_TABLE, LEADS_TABLE, COMMAND_QUEUE_URL, COMMAND_DLQ_URL),
          union(
              Set.of(
                  COMMAND_QUEUE_VISIBILITY_SECONDS,
                  WORKER_MAX_ATTEMPTS,
                  WORKER_RETRY_INITIAL_MS,
                  WORKER_RETRY_MAX_MS,
                  WORKER_LEASE_SECONDS,
                  CIRCUIT_FAILURE_RATE_PERCENT,
                  CIRCUIT_MINIMUM_CALLS,
                  CIRCUIT_OPEN_SECONDS,
                  SALESFORCE_MAX_CONCURRENCY,
                  COMMAND_MAX_RECEIVE_COUNT,
                  NOTIFICATION_QUEUE_URL,
                  SALESFORCE_EXTERNAL_ID_FIELD,
                  LEAD_CACHE_TOP_N,
                  LEAD_CACHE_TTL_HOURS,
                  SALESFORCE_SECRET_ARN),
              SALESFORCE_SETTINGS));

  /** The scheduled and on-request cache refresher. */
  public static final FunctionEnvironment REFRESHER =
      new FunctionEnvironment(
          "refresher",
          Set.of(LEADS_TABLE),
          union(
              Set.of(
                  LEAD_CACHE_TOP_N,
                  LEAD_CACHE_TTL_HOURS,
                  REFRESH_WATERMARK_OVERLAP_SECONDS,
                  REFRESH_INCREMENTAL_MAX_CHANGES,
                  REFRESH_CONCURRENCY,
                  SALESFORCE_SECRET_ARN),
              SALESFORCE_SETTINGS));

  /**
   * The notification queue's consumer: tells users, through Alexa Proactive Events, about commands
   * that failed. Needs no Salesforce; the skill's client id and secret come from the Alexa secret.
   */
  public static final FunctionEnvironment NOTIFIER =
      new FunctionEnvironment(
          "notifier",
          Set.of(COMMANDS_TABLE),
          Set.of(
              ALEXA_SECRET_ARN,
              ALEXA_CLIENT_ID,
              ALEXA_LWA_TOKEN_URL,
              ALEXA_API_ENDPOINT,
              PROACTIVE_EVENTS_STAGE,
              NOTIFICATION_EXPIRY_MINUTES,
              NOTIFICATION_MAX_RECEIVE_COUNT));

  /** The functions, in deployment order. */
  public static final List<FunctionEnvironment> ALL = List.of(INTENT, WORKER, REFRESHER, NOTIFIER);

  private static Set<String> union(Set<String> first, Set<String> second) {
    Set<String> all = new LinkedHashSet<>(first);
    all.addAll(second);
    return all;
  }
}
