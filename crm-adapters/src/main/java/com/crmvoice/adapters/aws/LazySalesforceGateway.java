package com.crmvoice.adapters.aws;

import com.crmvoice.adapters.salesforce.SalesforceCrmGateway;
import com.crmvoice.core.config.ConfigException;
import com.crmvoice.core.config.EnvironmentReader;
import com.crmvoice.core.config.SalesforceConfig;
import com.crmvoice.core.port.CrmGateway;
import com.crmvoice.core.port.CrmNotConfiguredException;
import com.crmvoice.core.port.ForwardingCrmGateway;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Salesforce gateway, wired on first use rather than at init. A first {@code sam deploy}
 * creates the credentials secret blank, and with SnapStart Lambda runs the intent function's init
 * while it publishes the version: an init that needed the secret would fail the deployment, which
 * then rolls back, secret included. So a function starts without Salesforce settings; {@link
 * #tryNow()} at init wires the gateway when the settings are complete, and otherwise every call
 * reads them again (the secret may have been filled in since) and, while they are still incomplete,
 * fails with {@link CrmNotConfiguredException}, logged at ERROR with the setting that is missing
 * (never a value). Once wired, the gateway is kept for the container's life.
 */
public final class LazySalesforceGateway extends ForwardingCrmGateway {

  private static final Logger LOG = LoggerFactory.getLogger(LazySalesforceGateway.class);

  private final Supplier<? extends WiredCrm> wiring;
  private final String crmName;
  private volatile WiredCrm gateway;

  /**
   * @param settings reads the settings; throws {@link ConfigException} while they are incomplete
   * @param factory the gateway for complete settings
   */
  public LazySalesforceGateway(
      Supplier<SalesforceConfig> settings,
      Function<SalesforceConfig, SalesforceCrmGateway> factory) {
    Objects.requireNonNull(settings, "settings");
    Objects.requireNonNull(factory, "factory");
    this.wiring =
        () -> {
          SalesforceConfig config = settings.get();
          SalesforceCrmGateway wired = factory.apply(config);
          LOG.info("Salesforce gateway wired: {}", config);
          return wired;
        };
    this.crmName = "Salesforce";
  }

  /**
   * @param wiring reads the settings and builds the adapter; throws {@link ConfigException} while
   *     the settings are incomplete
   * @param crmName the CRM's name for the logs
   */
  private LazySalesforceGateway(Supplier<? extends WiredCrm> wiring, String crmName) {
    this.wiring = wiring;
    this.crmName = crmName;
  }

  /** Whether the {@code CRM} setting chooses Dynamics 365 (else Salesforce, the default). */
  public static boolean choosesDynamics(EnvironmentReader env) {
    return env.optional(com.crmvoice.core.config.EnvironmentVariables.CRM, "salesforce")
        .equalsIgnoreCase("dynamics");
  }

  /**
   * The gateway of the CRM the {@code CRM} setting names: salesforce (default) or dynamics
   * (Microsoft Dynamics 365 Sales over the Dataverse Web API), its settings from the same secret.
   */
  public static LazySalesforceGateway forCrm(
      EnvironmentReader env,
      AwsClients aws,
      UnaryOperator<SalesforceConfig> adjust,
      UnaryOperator<com.crmvoice.core.config.DataverseConfig> adjustDynamics) {
    String crm = env.optional(com.crmvoice.core.config.EnvironmentVariables.CRM, "salesforce");
    if (choosesDynamics(env)) {
      return new LazySalesforceGateway(
          () -> {
            var config = adjustDynamics.apply(SalesforceSettings.loadDataverse(env, aws));
            var wired = com.crmvoice.adapters.dataverse.DataverseCrmGateway.create(config);
            LOG.info("Dynamics 365 gateway wired: {}", config);
            return wired;
          },
          "Dynamics 365");
    }
    if (!crm.equalsIgnoreCase("salesforce")) {
      throw new ConfigException(
          com.crmvoice.core.config.EnvironmentVariables.CRM
              + " must be salesforce or dynamics, got '"
              + crm
              + "'");
    }
    return fromSettings(env, aws, adjust);
  }

  /**
   * The gateway over the Secrets Manager secret (or the plain environment) that {@link
   * SalesforceSettings} reads; {@code adjust} may change the settings first (a shorter timeout).
   */
  public static LazySalesforceGateway fromSettings(
      EnvironmentReader env, AwsClients aws, UnaryOperator<SalesforceConfig> adjust) {
    return new LazySalesforceGateway(
        () -> adjust.apply(SalesforceSettings.load(env, aws)), SalesforceCrmGateway::create);
  }

  /**
   * As {@link #fromSettings(EnvironmentReader, AwsClients, UnaryOperator)}, with the settings as
   * they are.
   */
  public static LazySalesforceGateway fromSettings(EnvironmentReader env, AwsClients aws) {
    return fromSettings(env, aws, c -> c);
  }

  /**
   * Wires the gateway now if the settings are complete (at init, so that a configured function pays
   * for the secret before its first request); never throws for incomplete settings.
   *
   * @return whether the gateway is wired
   */
  public boolean tryNow() {
    try {
      gateway();
      return true;
    } catch (CrmNotConfiguredException e) {
      return false;
    }
  }

  /**
   * Forgets the wired gateway and wires it again from the settings read now (if complete): a fresh
   * HTTP client and a fresh Salesforce session, the secret read anew. After a SnapStart restore the
   * copies of one snapshot must not share the connections and the session the init made.
   *
   * @return whether the gateway is wired
   */
  public boolean rewire() {
    synchronized (this) {
      gateway = null;
    }
    return tryNow();
  }

  /** Whether the gateway has been wired (the settings were complete once). */
  public boolean isWired() {
    return gateway != null;
  }

  /**
   * The calendar over the same lazily wired gateway: each call wires it first if need be (and fails
   * with {@link CrmNotConfiguredException} while the settings are incomplete).
   */
  public com.crmvoice.core.port.CalendarGateway calendar() {
    return new com.crmvoice.core.port.ForwardingCalendarGateway(() -> gateway().calendar());
  }

  /** The deals over the same lazily wired gateway (see {@link #calendar()}). */
  public com.crmvoice.core.port.DealGateway deals() {
    return new LazyDealGateway(() -> gateway().dealGateway());
  }

  /**
   * The wired gateway, wiring it first if need be.
   *
   * @throws CrmNotConfiguredException while the settings are incomplete
   */
  public WiredCrm gateway() {
    WiredCrm wired = gateway;
    if (wired != null) {
      return wired;
    }
    synchronized (this) {
      if (gateway == null) {
        try {
          gateway = wiring.get();
        } catch (ConfigException e) {
          LOG.error("{} is not configured yet: {}", crmName, e.getMessage());
          throw new CrmNotConfiguredException(e.getMessage());
        }
      }
      return gateway;
    }
  }

  @Override
  protected CrmGateway delegate() {
    return gateway();
  }

  /** Requests made so far; 0 until wired. */
  public long requestCount() {
    WiredCrm wired = gateway;
    return wired == null ? 0 : wired.requestCount();
  }
}
