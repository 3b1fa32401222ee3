package com.crmvoice.intent;

import static com.crmvoice.intent.SkillHarness.ALICE;
import static com.crmvoice.intent.SkillHarness.envelope;
import static com.crmvoice.intent.SkillHarness.speech;
import static com.crmvoice.intent.SkillHarness.withSlot;
import static org.assertj.core.api.Assertions.assertThat;

import com.crmvoice.core.domain.CreateLead;
import com.crmvoice.core.domain.Lead;
import com.crmvoice.core.domain.NewLead;
import com.crmvoice.intent.speech.Speech;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every speech path with hostile values in every spoken field: the answer is still one response
 * whose SSML parses as XML (checked by {@link SkillHarness} on every response). Without the XML
 * filter in Speech, NUL, the C0 controls, U+FFFE/U+FFFF and unpaired surrogates break them all.
 */
class HostileTextSkillTest {

  private final SkillHarness skill = new SkillHarness();

  static Stream<Arguments> corpus() {
    return HostileText.CORPUS.stream().map(Arguments::of);
  }

  static Stream<Arguments> corpusByLocale() {
    return Speech.LOCALES.stream()
        .flatMap(locale -> HostileText.CORPUS.stream().map(text -> Arguments.of(locale, text)));
  }

  private static String nonBlank(String text) {
    return text.isBlank() ? "X" + text : text;
  }

  private static Lead hostileLead(String id, String text) {
    return new Lead(
        id,
        ALICE,
        text,
        nonBlank(text),
        text,
        text,
        text,
        text,
        Instant.parse("2026-01-01T00:00:00Z"));
  }

  private static String fit(String text, int max) {
    return text.length() <= max ? text : text.substring(0, max);
  }

  @ParameterizedTest
  @MethodSource("corpusByLocale")
  void everyTextOfEveryLocale_isWellFormedSsml_withAHostileValueInEachPlaceholder(
      String locale, String text) {
    Speech speech = Speech.forLocale(locale);
    for (String key : Collections.list(bundleKeys(locale))) {
      SsmlCheck.assertWellFormed("<speak>" + speech.say(key, text, text, text) + "</speak>");
    }
  }

  @ParameterizedTest
  @MethodSource("corpus")
  void topLeadFromTheCache_speaksWellFormedSsml(String text) {
    skill.cacheLeads(ALICE, hostileLead("00QH1", text));

    JsonNode response = skill.invoke("get-top-lead-apl.json");

    assertThat(speech(response)).startsWith("<speak>Your top lead is");
    assertThat(response.at("/response/card/text").isTextual()).isTrue();
  }

  @ParameterizedTest
  @MethodSource("corpus")
  void topLeadLiveFromTheCrm_speaksWellFormedSsml(String text) {
    skill.crm.put(hostileLead("00QH2", text));

    JsonNode response = skill.invoke("get-top-lead.json");

    assertThat(skill.progressive).hasSize(1);
    assertThat(speech(response)).startsWith("<speak>Your top lead is");
  }

  @ParameterizedTest
  @MethodSource("corpus")
  void theReadBackOfANewLead_isWellFormedSsml(String text) {
    ObjectNode request = envelope("create-lead-in-progress-complete.json");
    for (String slot : List.of("firstName", "lastName", "company", "email", "phone")) {
      withSlot(request, slot, text);
    }

    JsonNode response = skill.invoke(request);

    // A value that is only blanks is asked for again (a Dialog directive, no speech of its own).
    assertThat(response.path("response").isObject()).isTrue();
    assertThat(speech(response).isEmpty() || speech(response).startsWith("<speak>")).isTrue();
  }

  @ParameterizedTest
  @MethodSource("corpus")
  void theStatusOfAStoredLead_isWellFormedSsml(String text) {
    // A command as an older version may have stored it: the values as they were said.
    String first = fit(text, NewLead.FIRST_NAME_MAX);
    String last = nonBlank(fit(text, NewLead.LAST_NAME_MAX - 1));
    String company = nonBlank(fit(text, NewLead.COMPANY_MAX - 1));
    org.junit.jupiter.api.Assumptions.assumeTrue(
        NewLead.violations(first, last, company, null, null).isEmpty(),
        "validation refuses this value before it is queued");
    skill.log.recordQueued(
        new CreateLead(
            "cmd-hostile",
            ALICE,
            new NewLead(first, last, company, null, null),
            skill.clock.instant()),
        skill.clock.instant());

    JsonNode response = skill.invoke("lead-status.json");

    assertThat(speech(response)).startsWith("<speak>Your lead ");
  }

  private static java.util.Enumeration<String> bundleKeys(String locale) {
    return java.util.ResourceBundle.getBundle(
            "com.crmvoice.intent.speech.Speech",
            java.util.Locale.forLanguageTag(locale),
            java.util.ResourceBundle.Control.getNoFallbackControl(
                java.util.ResourceBundle.Control.FORMAT_PROPERTIES))
        .getKeys();
  }
}
