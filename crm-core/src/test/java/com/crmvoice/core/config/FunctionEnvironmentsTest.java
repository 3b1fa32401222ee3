package com.crmvoice.core.config;

import static com.crmvoice.core.config.FunctionEnvironments.INTENT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FunctionEnvironmentsTest {

  private static Map<String, String> complete() {
    Map<String, String> env = new HashMap<>();
    for (String name : INTENT.required()) {
      env.put(name, "set");
    }
    env.put(EnvironmentVariables.IDENTITY_MODE, FunctionEnvironments.ACCOUNT_LINKING_MODE);
    return env;
  }

  @Test
  void aCompleteEnvironmentPasses() {
    assertThat(INTENT.missingFrom(complete())).isEmpty();
    assertThatCode(() -> INTENT.check(complete())).doesNotThrowAnyException();
  }

  @Test
  void theColdStartFailureNamesEveryMissingVariable() {
    Map<String, String> env = complete();
    env.remove(EnvironmentVariables.SKILL_ID);
    env.put(EnvironmentVariables.LEADS_TABLE, "  ");

    assertThatThrownBy(() -> INTENT.check(env))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("SKILL_ID")
        .hasMessageContaining("LEADS_TABLE")
        .hasMessageStartingWith("the intent function needs");
  }

  @Test
  void singleUserModeRequiresTheOwner() {
    Map<String, String> env = complete();
    env.put(EnvironmentVariables.IDENTITY_MODE, "single-user");

    assertThat(INTENT.missingFrom(env))
        .containsExactly(
            EnvironmentVariables.SINGLE_USER_OWNER_ID, EnvironmentVariables.ALLOWED_ALEXA_USER_IDS);

    env.put(EnvironmentVariables.SINGLE_USER_OWNER_ID, "005000000000042AAA");
    assertThat(INTENT.missingFrom(env))
        .containsExactly(EnvironmentVariables.ALLOWED_ALEXA_USER_IDS);

    env.put(EnvironmentVariables.ALLOWED_ALEXA_USER_IDS, "amzn1.ask.account.OWNER");
    assertThat(INTENT.missingFrom(env)).isEmpty();
  }

  @Test
  void aDeploymentAlsoNeedsTheSecretArnButNeverTheCredentialsThemselves() {
    for (var function : FunctionEnvironments.ALL) {
      assertThat(function.requiredWhenDeployed()).containsAll(function.required());
      for (String arn :
          List.of(
              EnvironmentVariables.SALESFORCE_SECRET_ARN, EnvironmentVariables.ALEXA_SECRET_ARN)) {
        assertThat(function.requiredWhenDeployed().contains(arn))
            .as(function.name() + " " + arn)
            .isEqualTo(function.reads().contains(arn));
      }
      assertThat(function.reads()).doesNotContainAnyElementsOf(FunctionEnvironments.SECRET_ONLY);
    }
    // The three that talk to Salesforce need its secret; the notifier needs the skill's.
    assertThat(FunctionEnvironments.WORKER.requiredWhenDeployed())
        .contains(EnvironmentVariables.SALESFORCE_SECRET_ARN);
    assertThat(FunctionEnvironments.NOTIFIER.requiredWhenDeployed())
        .contains(EnvironmentVariables.ALEXA_SECRET_ARN)
        .doesNotContain(EnvironmentVariables.SALESFORCE_SECRET_ARN);
  }

  @Test
  void everyNameListedIsAnEnvName() throws IllegalAccessException {
    Set<String> known = new HashSet<>();
    for (Field field : EnvironmentVariables.class.getFields()) {
      if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class) {
        known.add((String) field.get(null));
      }
    }
    for (var function : FunctionEnvironments.ALL) {
      assertThat(known).as(function.name()).containsAll(function.reads());
    }
    assertThat(known).containsAll(FunctionEnvironments.SECRET_ONLY);
  }
}
