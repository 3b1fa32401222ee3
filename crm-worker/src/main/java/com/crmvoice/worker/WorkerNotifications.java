package com.crmvoice.worker;

import com.crmvoice.adapters.aws.AwsClients;
import com.crmvoice.adapters.sqs.SqsNotificationQueue;
import com.crmvoice.core.config.EnvironmentReader;
import com.crmvoice.core.config.EnvironmentVariables;
import com.crmvoice.core.port.CommandLog;
import com.crmvoice.core.service.notify.NotifyingCommandLog;

/**
 * The worker's one hook for notifications: with NOTIFICATION_QUEUE_URL set, the command log it uses
 * queues a notification job whenever a command becomes FAILED; without it (a deployment or a local
 * run without notifications), the plain log.
 */
final class WorkerNotifications {

  private WorkerNotifications() {}

  static CommandLog wrap(CommandLog log, EnvironmentReader env, AwsClients aws) {
    String queueUrl = env.optional(EnvironmentVariables.NOTIFICATION_QUEUE_URL);
    if (queueUrl == null) {
      return log;
    }
    return new NotifyingCommandLog(log, new SqsNotificationQueue(aws.sqs(), queueUrl));
  }
}
