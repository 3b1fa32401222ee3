package com.crmvoice.simulator.crm;

import com.crmvoice.core.config.EnvironmentVariables;
import com.crmvoice.testkit.dataverse.FakeDataverse;
import com.crmvoice.testkit.salesforce.FakeSalesforce;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Starts the CRM the pipeline runs against: the fake of the chosen CRM with its demo data, or none
 * when the environment names a real one (SALESFORCE_LOGIN_URL or SALESFORCE_SECRET_ARN for
 * Salesforce, DYNAMICS_URL or SALESFORCE_SECRET_ARN for Dynamics 365: the secret holds either's
 * settings).
 */
public final class LocalCrm {

  private LocalCrm() {}

  /**
   * The fake of {@code crm} ("salesforce" or "dynamics"), seeded, with its settings and the demo
   * user as SINGLE_USER_OWNER_ID put into {@code env}; or null (and only the CRM setting put) when
   * {@code hostEnv} names a real CRM.
   */
  public static FakeCrm start(
      String crm, Map<String, String> hostEnv, Map<String, String> env, Consumer<String> status) {
    boolean dynamics = crm.equals("dynamics");
    if (dynamics) {
      env.put(EnvironmentVariables.CRM, "dynamics");
    }
    boolean external =
        present(hostEnv, EnvironmentVariables.SALESFORCE_SECRET_ARN)
            || present(
                hostEnv,
                dynamics
                    ? EnvironmentVariables.DYNAMICS_URL
                    : EnvironmentVariables.SALESFORCE_LOGIN_URL);
    if (external) {
      status.accept(
          dynamics
              ? "Dynamics 365: the environment the DYNAMICS_* settings name (not the fake)"
              : "Salesforce: the org the SALESFORCE_* settings name (not the fake)");
      return null;
    }
    FakeCrm fake =
        dynamics
            ? new DataverseFake(FakeDataverse.start())
            : new SalesforceFake(FakeSalesforce.start());
    // The demo user's leads, deals, meetings and tasks, in the zone the skill reads today in (the
    // simulator's device has no settings API, so the skill's DEFAULT_TIME_ZONE).
    fake.seedDemo(demoZone(hostEnv));
    env.putAll(fake.env());
    env.put(EnvironmentVariables.SINGLE_USER_OWNER_ID, fake.demoOwnerId());
    status.accept(
        fake.name() + ": the fake on " + fake.baseUrl() + " (" + fake.leadCount() + " demo leads)");
    return fake;
  }

  private static ZoneId demoZone(Map<String, String> hostEnv) {
    String zone = hostEnv.get(EnvironmentVariables.DEFAULT_TIME_ZONE);
    try {
      return zone == null || zone.isBlank() ? ZoneOffset.UTC : ZoneId.of(zone);
    } catch (DateTimeException e) {
      return ZoneOffset.UTC;
    }
  }

  private static boolean present(Map<String, String> env, String name) {
    String value = env.get(name);
    return value != null && !value.isBlank();
  }
}
