package com.crmvoice.adapters.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.crmvoice.adapters.salesforce.SalesforceCrmGateway;
import com.crmvoice.core.config.ConfigException;
import com.crmvoice.core.config.EnvironmentReader;
import com.crmvoice.core.config.SalesforceConfig;
import com.crmvoice.core.port.CrmNotConfiguredException;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** A blank secret must not fail the init: the gateway is wired once the settings are complete. */
class LazySalesforceGatewayTest {

  private static final String BLANK =
      "{\"SALESFORCE_CLIENT_ID\":\"\",\"SALESFORCE_USERNAME\":\"\",\"SALESFORCE_PRIVATE_KEY\":\"\"}";
  private static final String FILLED =
      "{\"SALESFORCE_CLIENT_ID\":\"cid\",\"SALESFORCE_CLIENT_SECRET\":\"s\"}";

  private final AtomicReference<String> secret = new AtomicReference<>(BLANK);
  private final AtomicInteger reads = new AtomicInteger();
  private final EnvironmentReader env =
      EnvironmentReader.of(
          Map.of(
              "SALESFORCE_AUTH_FLOW", "client-credentials",
              "SALESFORCE_LOGIN_URL", "http://127.0.0.1:9"));

  private final LazySalesforceGateway gateway =
      new LazySalesforceGateway(
          () -> {
            reads.incrementAndGet();
            return SalesforceConfig.fromEnv(env.with(SalesforceSettings.parseSecret(secret.get())));
          },
          SalesforceCrmGateway::create);

  @Test
  void aBlankSecretIsNotWired_andEveryCallSaysWhichSettingIsMissing() {
    assertThat(gateway.tryNow()).isFalse();
    assertThat(gateway.isWired()).isFalse();
    assertThat(gateway.requestCount()).isZero();

    assertThatThrownBy(() -> gateway.topOpenLeads("005X", 1))
        .isInstanceOf(CrmNotConfiguredException.class)
        .hasMessage("SALESFORCE_CLIENT_ID is required but not set");
    assertThatThrownBy(() -> gateway.userForAccessToken("token"))
        .isInstanceOf(CrmNotConfiguredException.class);
  }

  @Test
  void aFilledSecretIsReadOnTheNextUse_andKeptFromThenOn() {
    gateway.tryNow();
    secret.set(FILLED);

    assertThat(gateway.tryNow()).isTrue();
    assertThat(gateway.gateway()).isSameAs(gateway.gateway());
    int readsWhenWired = reads.get();
    secret.set(BLANK);
    assertThat(gateway.tryNow()).isTrue();
    assertThat(reads.get()).isEqualTo(readsWhenWired);
  }

  @Test
  void aSecretThatCannotBeReadIsNotConfiguredEither() {
    LazySalesforceGateway unreadable =
        new LazySalesforceGateway(
            () -> {
              throw new ConfigException("could not read the Salesforce secret");
            },
            SalesforceCrmGateway::create);

    assertThat(unreadable.tryNow()).isFalse();
    assertThatThrownBy(unreadable::gateway).isInstanceOf(CrmNotConfiguredException.class);
  }

  @Test
  void rewireBuildsAFreshGatewayFromTheSecretReadAgain_asAfterASnapStartRestore() {
    secret.set(FILLED);
    gateway.tryNow();
    var before = gateway.gateway();
    int readsBefore = reads.get();

    assertThat(gateway.rewire()).isTrue();

    assertThat(gateway.gateway()).isNotSameAs(before);
    assertThat(reads.get()).isEqualTo(readsBefore + 1);
  }
}
