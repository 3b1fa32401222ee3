package com.crmvoice.adapters.aws;

import com.crmvoice.testkit.aws.EmbeddedAws;

/** Clients for the embedded engines, shared by the integration tests of this module. */
public final class LocalAws {

  private static AwsClients clients;

  private LocalAws() {}

  public static synchronized AwsClients clients() {
    if (clients == null) {
      clients = AwsClients.fromEnv(EmbeddedAws.shared().env());
    }
    return clients;
  }
}
