package com.crmvoice.intent;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazon.ask.Skill;
import com.amazon.ask.model.RequestEnvelope;
import com.amazon.ask.model.ui.SsmlOutputSpeech;
import com.amazon.ask.util.JacksonSerializer;
import com.crmvoice.intent.speech.Speech;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * The skill names the CRM it is wired to: a Dynamics 365 deployment (CRM=dynamics) never says
 * Salesforce, in any locale; a Salesforce one says Salesforce as before.
 */
class CrmNameSkillTest {

  private final SkillHarness harness = new SkillHarness();
  private final JacksonSerializer serializer = new JacksonSerializer();

  private String said(Skill skill, String envelope) {
    String json = new String(SkillHarness.resource(envelope), StandardCharsets.UTF_8);
    var response = skill.invoke(serializer.deserialize(json, RequestEnvelope.class));
    return ((SsmlOutputSpeech) response.getResponse().getOutputSpeech()).getSsml();
  }

  @Test
  void theHelpOfADynamicsSkillNamesDynamics365() {
    Skill dynamics = IntentSkill.build(harness.services, Speech.crmName("dynamics"));
    Skill salesforce = IntentSkill.build(harness.services, Speech.crmName("salesforce"));

    assertThat(said(dynamics, "help.json"))
        .contains("add a lead to Dynamics 365")
        .doesNotContain("Salesforce");
    assertThat(said(salesforce, "help.json")).contains("add a lead to Salesforce");
    assertThat(said(IntentSkill.build(harness.services), "help.json"))
        .contains("add a lead to Salesforce");
  }

  @Test
  void everyTextOfEveryLocaleNamesTheChosenCrmOnly() {
    for (String locale : Speech.LOCALES) {
      Speech dynamics = Speech.forLocale(locale).naming(Speech.crmName("DYNAMICS"));
      Speech salesforce = Speech.forLocale(locale);
      int named = 0;
      for (String key : keys(locale)) {
        String text = dynamics.plain(key);
        assertThat(text).as(locale + " " + key).doesNotContain("Salesforce");
        if (!text.equals(salesforce.plain(key))) {
          assertThat(salesforce.plain(key)).contains("Salesforce");
          named++;
        }
      }
      assertThat(named).as(locale).isGreaterThan(40);
      assertThat(dynamics.crm()).isEqualTo("Dynamics 365");
    }
  }

  private static java.util.Set<String> keys(String locale) {
    return java.util.ResourceBundle.getBundle(
            "com.crmvoice.intent.speech.Speech", java.util.Locale.forLanguageTag(locale))
        .keySet();
  }
}
