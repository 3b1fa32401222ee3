package com.crmvoice.simulator.pipeline;

import com.crmvoice.adapters.aws.AwsClients;
import com.crmvoice.adapters.aws.ResourceDefinitions;
import com.crmvoice.adapters.aws.ResourceDefinitions.QueuePair;
import com.crmvoice.core.config.EnvironmentVariables;
import com.crmvoice.simulator.pipeline.LocalPipeline.Options;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The pipeline's tables and queues, from {@link ResourceDefinitions} as the template defines them:
 * the leads and commands tables, the command queue and the refresh queue with their dead-letter
 * queues, and the notification queue; any the host environment names are used instead.
 */
final class LocalResources {

  private LocalResources() {}

  /**
   * Creates the tables and queues the host environment does not name, puts their names and URLs
   * into {@code env} and the queues into {@code queues}, and starts the notification fakes.
   */
  static LocalNotifications create(
      AwsClients clients,
      Options options,
      Map<String, String> hostEnv,
      Map<String, String> env,
      Map<String, String> queues,
      Consumer<String> status) {
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
    if (LocalPipeline.present(hostEnv, EnvironmentVariables.COMMAND_QUEUE_URL)
        && LocalPipeline.present(hostEnv, EnvironmentVariables.COMMAND_DLQ_URL)) {
      env.put(
          EnvironmentVariables.COMMAND_QUEUE_URL,
          hostEnv.get(EnvironmentVariables.COMMAND_QUEUE_URL));
      env.put(
          EnvironmentVariables.COMMAND_DLQ_URL, hostEnv.get(EnvironmentVariables.COMMAND_DLQ_URL));
    } else {
      QueuePair pair = queueWithDlq(clients, prefix + "-crm-commands", options);
      env.put(EnvironmentVariables.COMMAND_QUEUE_URL, pair.queueUrl());
      env.put(EnvironmentVariables.COMMAND_DLQ_URL, pair.dlqUrl());
    }
    queues.put("crm-commands", env.get(EnvironmentVariables.COMMAND_QUEUE_URL));
    queues.put("crm-commands DLQ", env.get(EnvironmentVariables.COMMAND_DLQ_URL));
    if (LocalPipeline.present(hostEnv, EnvironmentVariables.REFRESH_QUEUE_URL)) {
      env.put(
          EnvironmentVariables.REFRESH_QUEUE_URL,
          hostEnv.get(EnvironmentVariables.REFRESH_QUEUE_URL));
      queues.put("crm-refresh", env.get(EnvironmentVariables.REFRESH_QUEUE_URL));
    } else {
      QueuePair pair = queueWithDlq(clients, prefix + "-crm-refresh", options);
      env.put(EnvironmentVariables.REFRESH_QUEUE_URL, pair.queueUrl());
      queues.put("crm-refresh", pair.queueUrl());
      queues.put("crm-refresh DLQ", pair.dlqUrl());
    }
    LocalNotifications notifications =
        new LocalNotifications(clients, prefix, options.visibilitySeconds(), env, queues, status);
    status.accept("tables: " + leads + ", " + commands + "; queues: " + queues.keySet());
    return notifications;
  }

  private static QueuePair queueWithDlq(AwsClients clients, String name, Options options) {
    return ResourceDefinitions.createQueueWithDlq(
        clients.sqs(), name, ResourceDefinitions.MAX_RECEIVE_COUNT, options.visibilitySeconds());
  }
}
