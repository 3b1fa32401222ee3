package com.crmvoice.core.config;

import static com.crmvoice.core.config.EnvironmentVariables.*;

/**
 * Names of the tables and queues. Each function requires only what it uses: use {@link #fromEnv}
 * and then {@link #requireLeadsTable()} and friends at its composition root.
 */
public record StorageConfig(
    String leadsTable,
    String commandsTable,
    String commandQueueUrl,
    String commandDlqUrl,
    String refreshQueueUrl) {

  public static StorageConfig fromEnv(EnvironmentReader env) {
    return new StorageConfig(
        env.optional(LEADS_TABLE),
        env.optional(COMMANDS_TABLE),
        env.optional(COMMAND_QUEUE_URL),
        env.optional(COMMAND_DLQ_URL),
        env.optional(REFRESH_QUEUE_URL));
  }

  public String requireLeadsTable() {
    return require(leadsTable, LEADS_TABLE);
  }

  public String requireCommandsTable() {
    return require(commandsTable, COMMANDS_TABLE);
  }

  public String requireCommandQueueUrl() {
    return require(commandQueueUrl, COMMAND_QUEUE_URL);
  }

  public String requireCommandDlqUrl() {
    return require(commandDlqUrl, COMMAND_DLQ_URL);
  }

  public String requireRefreshQueueUrl() {
    return require(refreshQueueUrl, REFRESH_QUEUE_URL);
  }

  private static String require(String value, String name) {
    if (value == null) {
      throw new ConfigException(name + " is required but not set");
    }
    return value;
  }
}
