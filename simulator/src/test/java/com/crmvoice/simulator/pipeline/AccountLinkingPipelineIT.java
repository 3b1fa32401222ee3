package com.crmvoice.simulator.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import com.crmvoice.testkit.aws.EmbeddedAws;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** With IDENTITY_MODE=account-linking, :user changes the linked account's token, not the skill. */
class AccountLinkingPipelineIT {

  private static LocalPipeline pipeline;

  @BeforeAll
  static void start() {
    pipeline =
        LocalPipeline.start(
            LocalPipeline.Options.defaults()
                .withNamePrefix(EmbeddedAws.uniqueName("linking"))
                .withSchedule(false)
                .withHandlers(
                    new LocalPipeline.Handlers(
                        StubSkillHandler.class.getName(),
                        LocalPipeline.WORKER_HANDLER,
                        RecordingRefresher.class.getName())),
            Map.of("IDENTITY_MODE", "account-linking"),
            line -> {});
  }

  @AfterAll
  static void stop() {
    pipeline.close();
  }

  private static String userinfo(String token) throws Exception {
    String base = pipeline.salesforce().orElseThrow().baseUrl().toString();
    return HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(URI.create(base + "/services/oauth2/userinfo"))
                .header("Authorization", "Bearer " + token)
                .build(),
            HttpResponse.BodyHandlers.ofString())
        .body();
  }

  @Test
  void requestsCarryATokenOfTheCurrentUser_andSwitchingUserSwitchesTheToken() throws Exception {
    LambdaFunction before = pipeline.intentFunction().get();
    String demoToken = pipeline.accessToken();

    pipeline.switchOwner("005000000000002AAA");
    String repToken = pipeline.accessToken();

    assertThat(demoToken).isNotNull().isNotEqualTo(repToken);
    assertThat(userinfo(demoToken)).contains("005DEMO00000001AAA");
    assertThat(userinfo(repToken)).contains("005000000000002AAA");
    assertThat(pipeline.intentFunction().get()).isSameAs(before);
    assertThat(pipeline.env()).containsEntry("IDENTITY_MODE", "account-linking");
  }
}
