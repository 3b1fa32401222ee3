package com.crmvoice.adapters.aws;

import com.crmvoice.adapters.dynamodb.DynamoDbCommandLog;
import com.crmvoice.adapters.dynamodb.DynamoDbLeadCache;
import com.crmvoice.core.config.CacheConfig;
import com.crmvoice.core.config.EnvironmentReader;
import com.crmvoice.core.config.EnvironmentVariables;
import com.crmvoice.core.config.FunctionEnvironments.FunctionEnvironment;
import com.crmvoice.core.config.SalesforceConfig;
import com.crmvoice.core.config.StorageConfig;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * The start of every function's wiring, once per container: the environment checked against what
 * the function requires (a missing variable fails the cold start with its name), the AWS clients,
 * the table and queue names, and the adapters more than one function wires the same way.
 */
public record FunctionStartup(EnvironmentReader env, AwsClients aws, StorageConfig storage) {

  /** Commands are kept this long in the command log for "what happened to my lead". */
  public static final Duration COMMAND_TTL = Duration.ofDays(30);

  /** The function's start with the AWS SDK's default call bounds. */
  public static FunctionStartup of(FunctionEnvironment function, Map<String, String> environment) {
    return of(function, environment, env -> null);
  }

  /**
   * The function's start with its own bounds on each AWS call, read from the environment once it is
   * checked.
   */
  public static FunctionStartup of(
      FunctionEnvironment function,
      Map<String, String> environment,
      Function<EnvironmentReader, AwsClients.Bounds> bounds) {
    function.check(environment);
    EnvironmentReader env = EnvironmentReader.of(environment);
    AwsClients.Bounds chosen = bounds.apply(env);
    AwsClients aws =
        chosen == null ? AwsClients.fromEnv(environment) : AwsClients.fromEnv(environment, chosen);
    return new FunctionStartup(env, aws, StorageConfig.fromEnv(env));
  }

  /** The command log, its records kept {@link #COMMAND_TTL}. */
  public DynamoDbCommandLog commandLog() {
    return new DynamoDbCommandLog(aws.dynamoDb(), storage.requireCommandsTable(), COMMAND_TTL);
  }

  public DynamoDbLeadCache leadCache(CacheConfig cache, Clock clock) {
    return new DynamoDbLeadCache(aws.dynamoDb(), storage.requireLeadsTable(), cache, clock);
  }

  /** The deal cache, in the leads table, with the lead cache's time to live. */
  public com.crmvoice.adapters.dynamodb.DynamoDbDealCache dealCache(
      CacheConfig cache, Clock clock) {
    return new com.crmvoice.adapters.dynamodb.DynamoDbDealCache(
        aws.dynamoDb(), storage.requireLeadsTable(), cache, clock);
  }

  /** The agenda cache, in the leads table, with the lead cache's time to live. */
  public com.crmvoice.adapters.dynamodb.DynamoDbAgendaCache agendaCache(
      CacheConfig cache, Clock clock) {
    return new com.crmvoice.adapters.dynamodb.DynamoDbAgendaCache(
        aws.dynamoDb(), storage.requireLeadsTable(), cache.ttl(), clock);
  }

  /**
   * The Salesforce gateway, wired now if the settings are complete and otherwise on first use
   * ({@link LazySalesforceGateway}); {@code adjust} may change the settings first.
   */
  public LazySalesforceGateway salesforce(UnaryOperator<SalesforceConfig> adjust) {
    return salesforce(adjust, true);
  }

  /**
   * As {@link #salesforce(UnaryOperator)}; with {@code now} false the gateway is wired on first use
   * only (a function whose common path never calls Salesforce does not pay for it at init).
   */
  public LazySalesforceGateway salesforce(UnaryOperator<SalesforceConfig> adjust, boolean now) {
    return crm(adjust, c -> c, now);
  }

  /**
   * The gateway of the CRM the {@code CRM} setting names (salesforce or dynamics), wired now (if
   * {@code now} and its settings are complete) or on first use; each adjust may change its
   * settings.
   */
  public LazySalesforceGateway crm(
      UnaryOperator<SalesforceConfig> adjust,
      UnaryOperator<com.crmvoice.core.config.DataverseConfig> adjustDynamics,
      boolean now) {
    LazySalesforceGateway crm = LazySalesforceGateway.forCrm(env, aws, adjust, adjustDynamics);
    if (now) {
      crm.tryNow();
    }
    return crm;
  }

  public LazySalesforceGateway salesforce() {
    return salesforce(c -> c);
  }

  /** Whether the {@code CRM} setting chooses Dynamics 365 (else Salesforce). */
  public boolean dynamics() {
    return LazySalesforceGateway.choosesDynamics(env);
  }

  /**
   * The lead statuses that are not open, read where the CRM settings may be incomplete: for
   * Salesforce the configured closed Lead Status values; for Dynamics the status reasons of a Sales
   * org's Qualified and Disqualified states ({@link
   * com.crmvoice.core.config.DataverseConfig#CLOSED_LEAD_STATUSES}).
   */
  public List<String> closedStatuses() {
    if (dynamics()) {
      return com.crmvoice.core.config.DataverseConfig.CLOSED_LEAD_STATUSES;
    }
    return env.list(
        EnvironmentVariables.SALESFORCE_CLOSED_STATUSES, SalesforceConfig.DEFAULT_CLOSED_STATUSES);
  }
}
