package com.crmvoice.adapters.aws;

import com.crmvoice.testkit.aws.AwsTestEnvironment;
import com.crmvoice.testkit.aws.EmbeddedAws;
import java.util.IdentityHashMap;
import java.util.Map;

/** Clients for a test AWS environment, built once per environment and shared by the ITs. */
public final class LocalAws {

  private static final Map<AwsTestEnvironment, AwsClients> CLIENTS = new IdentityHashMap<>();

  private LocalAws() {}

  /** Clients for the embedded engines. */
  public static AwsClients clients() {
    return clients(EmbeddedAws.shared());
  }

  public static synchronized AwsClients clients(AwsTestEnvironment aws) {
    return CLIENTS.computeIfAbsent(aws, environment -> AwsClients.fromEnv(environment.env()));
  }
}
