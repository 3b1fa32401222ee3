package com.crmvoice.intent;

import static com.crmvoice.intent.SkillHarness.lead;
import static com.crmvoice.intent.SkillHarness.speech;
import static org.assertj.core.api.Assertions.assertThat;

import com.crmvoice.core.service.skill.SingleUserIdentityResolver;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

class SingleUserSkillTest {

  private static final String OWNER = "005DEMO00000001AAA";

  @Test
  void singleUserModeAnswersWithoutAToken_forTheConfiguredOwner() {
    SkillHarness skill = new SkillHarness();
    skill.cacheLeads(
        OWNER, lead("00Q1", OWNER, "Dana", "Demo", "Demo Inc", "2026-01-01T00:00:00Z"));
    skill.cacheLeads(
        SkillHarness.ALICE,
        lead("00Q2", SkillHarness.ALICE, "Alan", "Turing", "Bletchley", "2025-01-01T00:00:00Z"));
    IntentStreamHandler singleUser =
        new IntentStreamHandler(
            new SkillServices(
                SkillHarness.SKILL_ID,
                new SingleUserIdentityResolver(OWNER),
                skill.services.topLeads(),
                skill.services.createLeads(),
                skill.services.leadStatus(),
                skill.services.progressive(),
                skill.services.work()));

    JsonNode response =
        SkillHarness.invoke(singleUser, SkillHarness.resource("get-top-lead-no-token.json"));

    assertThat(speech(response)).contains("Dana Demo from Demo Inc").doesNotContain("Turing");
    assertThat(response.at("/response/card/type").asText()).isEqualTo("Standard");
  }
}
