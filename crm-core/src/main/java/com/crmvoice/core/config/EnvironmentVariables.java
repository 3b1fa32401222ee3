package com.crmvoice.core.config;

/**
 * The name of every environment variable CRM Voice reads, in one place; template.yaml and the
 * simulator set these names ({@link FunctionEnvironments} says which function reads which).
 */
public final class EnvironmentVariables {
  private EnvironmentVariables() {}

  // Storage (DynamoDB tables, SQS queues).
  public static final String LEADS_TABLE = "LEADS_TABLE";
  public static final String COMMANDS_TABLE = "COMMANDS_TABLE";
  public static final String COMMAND_QUEUE_URL = "COMMAND_QUEUE_URL";
  public static final String COMMAND_DLQ_URL = "COMMAND_DLQ_URL";
  public static final String REFRESH_QUEUE_URL = "REFRESH_QUEUE_URL";

  // Salesforce.
  public static final String SALESFORCE_SECRET_ARN = "SALESFORCE_SECRET_ARN";
  public static final String SALESFORCE_LOGIN_URL = "SALESFORCE_LOGIN_URL";
  public static final String SALESFORCE_API_VERSION = "SALESFORCE_API_VERSION";
  public static final String SALESFORCE_AUTH_FLOW = "SALESFORCE_AUTH_FLOW";
  public static final String SALESFORCE_CLIENT_ID = "SALESFORCE_CLIENT_ID";
  public static final String SALESFORCE_CLIENT_SECRET = "SALESFORCE_CLIENT_SECRET";
  public static final String SALESFORCE_USERNAME = "SALESFORCE_USERNAME";
  public static final String SALESFORCE_PRIVATE_KEY = "SALESFORCE_PRIVATE_KEY";
  public static final String SALESFORCE_EXTERNAL_ID_FIELD = "SALESFORCE_EXTERNAL_ID_FIELD";
  public static final String SALESFORCE_CLOSED_STATUSES = "SALESFORCE_CLOSED_STATUSES";
  public static final String SALESFORCE_TIMEOUT_MS = "SALESFORCE_TIMEOUT_MS";

  /** The JWT bearer assertion's {@code aud}, when it cannot be derived from the login URL. */
  public static final String SALESFORCE_JWT_AUDIENCE = "SALESFORCE_JWT_AUDIENCE";

  /** The {@code Sforce-Auto-Assign} header on lead writes: FALSE (default), TRUE or a rule id. */
  public static final String SALESFORCE_AUTO_ASSIGN = "SALESFORCE_AUTO_ASSIGN";

  /** Whether lead writes send {@code Sforce-Duplicate-Rule-Header: allowSave=true} (default). */
  public static final String SALESFORCE_DUPLICATE_ALLOW_SAVE = "SALESFORCE_DUPLICATE_ALLOW_SAVE";

  // The CRM, and Microsoft Dynamics 365 (Dataverse Web API), the second one.

  /** Which CRM the functions talk to: salesforce (default) or dynamics. */
  public static final String CRM = "CRM";

  public static final String DYNAMICS_URL = "DYNAMICS_URL";
  public static final String DYNAMICS_API_VERSION = "DYNAMICS_API_VERSION";
  public static final String DYNAMICS_TENANT_ID = "DYNAMICS_TENANT_ID";
  public static final String DYNAMICS_CLIENT_ID = "DYNAMICS_CLIENT_ID";
  public static final String DYNAMICS_CLIENT_SECRET = "DYNAMICS_CLIENT_SECRET";

  /** The Microsoft identity platform host: https://login.microsoftonline.com by default. */
  public static final String DYNAMICS_AUTHORITY_URL = "DYNAMICS_AUTHORITY_URL";

  /** The lead and activity column holding the command id, an alternate key on lead. */
  public static final String DYNAMICS_COMMAND_ID_COLUMN = "DYNAMICS_COMMAND_ID_COLUMN";

  public static final String DYNAMICS_TIMEOUT_MS = "DYNAMICS_TIMEOUT_MS";

  // Lead cache.
  public static final String LEAD_CACHE_TOP_N = "LEAD_CACHE_TOP_N";
  public static final String LEAD_CACHE_TTL_HOURS = "LEAD_CACHE_TTL_HOURS";

  // Skill (intent Lambda).
  public static final String SKILL_ID = "SKILL_ID";
  public static final String IDENTITY_MODE = "IDENTITY_MODE";
  public static final String SINGLE_USER_OWNER_ID = "SINGLE_USER_OWNER_ID";
  public static final String LIVE_LOOKUP_BUDGET_MS = "LIVE_LOOKUP_BUDGET_MS";
  public static final String IDENTITY_CACHE_TTL_SECONDS = "IDENTITY_CACHE_TTL_SECONDS";

  /**
   * The Alexa user ids (context.System.user.userId, comma-separated) single-user mode answers; any
   * other user is refused. Required in single-user mode.
   */
  public static final String ALLOWED_ALEXA_USER_IDS = "ALLOWED_ALEXA_USER_IDS";

  /** The whole of one DynamoDB or SQS call of the intent function, retries included. */
  public static final String AWS_API_CALL_TIMEOUT_MS = "AWS_API_CALL_TIMEOUT_MS";

  /** One attempt of a DynamoDB or SQS call of the intent function. */
  public static final String AWS_API_CALL_ATTEMPT_TIMEOUT_MS = "AWS_API_CALL_ATTEMPT_TIMEOUT_MS";

  /**
   * The IANA time zone (Europe/Berlin) "today" and "Friday" are in when the Alexa settings API does
   * not tell the device's (default UTC).
   */
  public static final String DEFAULT_TIME_ZONE = "DEFAULT_TIME_ZONE";

  /** How long the skill waits for the Alexa settings API's answer (the device's time zone). */
  public static final String ALEXA_SETTINGS_TIMEOUT_MS = "ALEXA_SETTINGS_TIMEOUT_MS";

  /** How long the skill waits, before it answers, for Alexa to take its progressive response. */
  public static final String PROGRESSIVE_RESPONSE_WAIT_MS = "PROGRESSIVE_RESPONSE_WAIT_MS";

  // CRM worker.
  public static final String WORKER_MAX_ATTEMPTS = "WORKER_MAX_ATTEMPTS";
  public static final String WORKER_RETRY_INITIAL_MS = "WORKER_RETRY_INITIAL_MS";
  public static final String WORKER_RETRY_MAX_MS = "WORKER_RETRY_MAX_MS";
  public static final String WORKER_LEASE_SECONDS = "WORKER_LEASE_SECONDS";
  public static final String CIRCUIT_FAILURE_RATE_PERCENT = "CIRCUIT_FAILURE_RATE_PERCENT";
  public static final String CIRCUIT_MINIMUM_CALLS = "CIRCUIT_MINIMUM_CALLS";
  public static final String CIRCUIT_OPEN_SECONDS = "CIRCUIT_OPEN_SECONDS";
  public static final String SALESFORCE_MAX_CONCURRENCY = "SALESFORCE_MAX_CONCURRENCY";

  /**
   * The command queue's redrive policy maxReceiveCount: on that delivery the worker gives a
   * retryable command up as FAILED (retryable) before SQS moves it to the dead-letter queue. Must
   * equal the queue's setting.
   */
  public static final String COMMAND_MAX_RECEIVE_COUNT = "COMMAND_MAX_RECEIVE_COUNT";

  /**
   * The command queue's visibility timeout in seconds: a message the open circuit refuses is given
   * a longer one only when this is shorter than the time the circuit stays open. Must equal the
   * queue's setting; unset (0), every refused message is deferred.
   */
  public static final String COMMAND_QUEUE_VISIBILITY_SECONDS = "COMMAND_QUEUE_VISIBILITY_SECONDS";

  // Cache refresher.
  public static final String REFRESH_WATERMARK_OVERLAP_SECONDS =
      "REFRESH_WATERMARK_OVERLAP_SECONDS";
  public static final String REFRESH_INCREMENTAL_MAX_CHANGES = "REFRESH_INCREMENTAL_MAX_CHANGES";
  public static final String REFRESH_CONCURRENCY = "REFRESH_CONCURRENCY";

  // Notifications (Alexa Proactive Events).
  public static final String NOTIFICATION_QUEUE_URL = "NOTIFICATION_QUEUE_URL";
  public static final String NOTIFICATION_MAX_RECEIVE_COUNT = "NOTIFICATION_MAX_RECEIVE_COUNT";
  public static final String ALEXA_SECRET_ARN = "ALEXA_SECRET_ARN";
  public static final String ALEXA_CLIENT_ID = "ALEXA_CLIENT_ID";
  public static final String ALEXA_CLIENT_SECRET = "ALEXA_CLIENT_SECRET";
  public static final String ALEXA_LWA_TOKEN_URL = "ALEXA_LWA_TOKEN_URL";
  public static final String ALEXA_API_ENDPOINT = "ALEXA_API_ENDPOINT";
  public static final String PROACTIVE_EVENTS_STAGE = "PROACTIVE_EVENTS_STAGE";
  public static final String NOTIFICATION_EXPIRY_MINUTES = "NOTIFICATION_EXPIRY_MINUTES";
}
