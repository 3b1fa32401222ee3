package com.crmvoice.simulator.pipeline;

import com.crmvoice.adapters.aws.AwsClients;
import com.crmvoice.adapters.aws.ResourceDefinitions;
import com.crmvoice.adapters.aws.ResourceDefinitions.QueuePair;
import com.crmvoice.core.config.EnvironmentVariables;
import com.crmvoice.testkit.alexa.FakeLwaTokenEndpoint;
import com.crmvoice.testkit.alexa.FakeProactiveEventsApi;
import com.crmvoice.testkit.aws.LocalSqsEventSource;
import java.time.Clock;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Notifications on one machine: the notification queue, the fake Login with Amazon and Proactive
 * Events endpoints (with a made-up skill client id and secret), and the notification function
 * behind a local event source. Each event the fake accepts is printed as it arrives: {@code
 * [notification] …}.
 */
final class LocalNotifications implements AutoCloseable {

  static final String CLIENT_ID = "amzn1.application-oa2-client.simulator";
  static final String CLIENT_SECRET = "simulator-skill-secret";

  private final FakeLwaTokenEndpoint lwa;
  private final FakeProactiveEventsApi api;
  private LocalSqsEventSource source;

  /** Creates the queue and starts the fakes; puts their settings into {@code env}. */
  LocalNotifications(
      AwsClients clients,
      String prefix,
      int visibilitySeconds,
      Map<String, String> env,
      Map<String, String> queues,
      Consumer<String> status) {
    QueuePair pair =
        ResourceDefinitions.createQueueWithDlq(
            clients.sqs(),
            prefix + "-crm-notifications",
            ResourceDefinitions.MAX_RECEIVE_COUNT,
            visibilitySeconds);
    env.put(EnvironmentVariables.NOTIFICATION_QUEUE_URL, pair.queueUrl());
    queues.put("crm-notifications", pair.queueUrl());
    queues.put("crm-notifications DLQ", pair.dlqUrl());
    lwa = FakeLwaTokenEndpoint.start(CLIENT_ID, CLIENT_SECRET, Clock.systemUTC());
    api = FakeProactiveEventsApi.start(lwa);
    api.onEvent(
        e ->
            status.accept(
                "[notification] to " + e.user() + " (" + e.locale() + "): " + e.creatorName()));
    env.put(EnvironmentVariables.ALEXA_CLIENT_ID, CLIENT_ID);
    env.put(EnvironmentVariables.ALEXA_CLIENT_SECRET, CLIENT_SECRET);
    env.put(EnvironmentVariables.ALEXA_LWA_TOKEN_URL, lwa.tokenUrl().toString());
    env.put(EnvironmentVariables.ALEXA_API_ENDPOINT, api.endpoint().toString());
  }

  /** The started event source feeding the notification queue to the function. */
  void start(LocalSqsEventSource source) {
    this.source = source;
  }

  /** The handler the notification function runs. */
  static String handler() {
    return "com.crmvoice.worker.NotificationWorkerHandler";
  }

  FakeProactiveEventsApi api() {
    return api;
  }

  @Override
  public void close() {
    if (source != null) {
      source.close();
    }
    api.close();
    lwa.close();
  }
}
