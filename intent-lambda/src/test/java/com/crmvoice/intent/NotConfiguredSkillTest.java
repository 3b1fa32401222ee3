package com.crmvoice.intent;

import static com.crmvoice.intent.SkillHarness.lead;
import static com.crmvoice.intent.SkillHarness.speech;
import static org.assertj.core.api.Assertions.assertThat;

import com.crmvoice.core.domain.CrmUser;
import com.crmvoice.core.domain.Lead;
import com.crmvoice.core.domain.LeadChange;
import com.crmvoice.core.port.CrmGateway;
import com.crmvoice.core.port.CrmNotConfiguredException;
import com.crmvoice.core.service.skill.CachingIdentityResolver;
import com.crmvoice.core.service.skill.SingleUserIdentityResolver;
import com.crmvoice.core.service.skill.TopLeadService;
import com.crmvoice.intent.speech.Speech;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The Salesforce settings are still blank: the skill says so wherever it needs Salesforce. */
class NotConfiguredSkillTest {

  private static final String OWNER = "005DEMO00000001AAA";

  /** What LazySalesforceGateway does while the secret is blank. */
  private static final CrmGateway NOT_CONFIGURED =
      new CrmGateway() {
        private RuntimeException blank() {
          return new CrmNotConfiguredException("SALESFORCE_CLIENT_ID is required but not set");
        }

        @Override
        public List<Lead> topOpenLeads(String ownerId, int limit) {
          throw blank();
        }

        @Override
        public Stream<Lead> openLeads() {
          throw blank();
        }

        @Override
        public Stream<LeadChange> leadsModifiedSince(Instant since) {
          throw blank();
        }

        @Override
        public List<CreateResult> createLeads(List<CreateLeadRequest> requests) {
          throw blank();
        }

        @Override
        public Optional<String> findLeadByExternalId(String externalId) {
          throw blank();
        }

        @Override
        public CrmUser userForAccessToken(String accessToken) {
          throw blank();
        }
      };

  private final SkillHarness skill = new SkillHarness();

  private IntentStreamHandler handler(boolean singleUser) {
    return new IntentStreamHandler(
        new SkillServices(
            SkillHarness.SKILL_ID,
            singleUser
                ? new SingleUserIdentityResolver(OWNER)
                : new CachingIdentityResolver(
                    NOT_CONFIGURED, skill.clock, Duration.ofMinutes(5), 10),
            new TopLeadService(
                skill.cache,
                NOT_CONFIGURED,
                skill.refresh,
                skill.clock,
                5,
                Duration.ofSeconds(2),
                Runnable::run),
            skill.services.createLeads(),
            skill.services.leadStatus(),
            skill.services.progressive()));
  }

  @ParameterizedTest
  @ValueSource(strings = {"en-US", "en-GB", "de-DE"})
  void aCacheMissSaysTheSkillIsNotConfiguredYet_inEveryLocale(String locale) {
    JsonNode response =
        SkillHarness.invoke(
            handler(true),
            SkillHarness.withLocale(SkillHarness.envelope("get-top-lead-no-token.json"), locale)
                .toString()
                .getBytes());

    assertThat(response.path("version").asText()).isEqualTo("1.0");
    assertThat(speech(response))
        .isEqualTo("<speak>" + Speech.forLocale(locale).say("skill.notConfigured") + "</speak>");
    assertThat(response.at("/response/shouldEndSession").asBoolean()).isTrue();
    // Nothing a refresh could fix: none is asked for.
    assertThat(skill.refresh.requested()).isEmpty();
  }

  @Test
  void aCacheHitNeedsNoSalesforce() {
    skill.cacheLeads(
        OWNER, lead("00Q1", OWNER, "Dana", "Demo", "Demo Inc", "2026-01-01T00:00:00Z"));

    JsonNode response =
        SkillHarness.invoke(handler(true), SkillHarness.resource("get-top-lead-no-token.json"));

    assertThat(speech(response)).contains("Dana Demo from Demo Inc");
  }

  @Test
  void withAccountLinking_theLaunchIsAnswered_andAnIntentSaysNotConfigured() {
    IntentStreamHandler accountLinking = handler(false);

    assertThat(speech(SkillHarness.invoke(accountLinking, SkillHarness.resource("launch.json"))))
        .contains("Welcome");
    assertThat(
            speech(SkillHarness.invoke(accountLinking, SkillHarness.resource("get-top-lead.json"))))
        .contains("not configured yet");
  }
}
