package com.crmvoice.intent;

import static org.assertj.core.api.Assertions.assertThat;

import com.crmvoice.intent.speech.Speech;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class SpeechBundlesTest {

  private static Properties load(String locale) throws IOException {
    String name = "/com/crmvoice/intent/speech/Speech_" + locale.replace('-', '_') + ".properties";
    Properties properties = new Properties();
    try (InputStream in = SpeechBundlesTest.class.getResourceAsStream(name)) {
      assertThat(in).as(name).isNotNull();
      properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
    }
    return properties;
  }

  @Test
  void everyLocaleSaysEverything() throws IOException {
    Properties english = load("en-US");
    for (String locale : Speech.LOCALES) {
      assertThat(load(locale).stringPropertyNames())
          .as(locale)
          .containsExactlyInAnyOrderElementsOf(english.stringPropertyNames());
    }
  }

  @Test
  void valuesAreFilledInOnePass_andEscapedForSsml() {
    String said = Speech.forLocale("en-US").say("toplead.found", "Ann {1} <Lee>", "B&B");

    assertThat(said).isEqualTo("Your top lead is Ann {1} &lt;Lee&gt; from B&amp;B.");
    assertThat(Speech.forLocale("en-US").plain("toplead.found", "Ann {1}", "B&B"))
        .isEqualTo("Your top lead is Ann {1} from B&B.");
  }

  @Test
  void aTextUsedAsAValueIsTakenUnescaped_soItIsEscapedOnce() {
    Speech speech = Speech.forLocale("en-US");

    assertThat(speech.plainIfPresent("toplead.found", "A&B", "C"))
        .isEqualTo("Your top lead is A&B from C.");
    assertThat(speech.plainIfPresent("no.such.key")).isNull();
  }

  @Test
  void germanIsReadAsUtf8() {
    assertThat(Speech.forLocale("de-DE").say("goodbye")).isEqualTo("Tschüss.");
  }

  @Test
  void unknownLocalesSpeakAmericanEnglish() {
    assertThat(Speech.forLocale("fr-FR").locale()).isEqualTo("en-US");
    assertThat(Speech.forLocale(null).say("goodbye")).isEqualTo("Goodbye.");
  }
}
