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

  /**
   * A phone number or a date put into speech is marked for Alexa, so it is read as one (<a
   * href="https://developer.amazon.com/en-US/docs/alexa/custom-skills/speech-synthesis-markup-language-ssml-reference.html#say-as">say-as</a>).
   * Cards and screens (card.*) and field names (field.*) are text, not speech.
   */
  @Test
  void phoneNumbersAndDatesAreSpokenWithSayAs() throws IOException {
    int checked = 0;
    for (String locale : Speech.LOCALES) {
      Properties bundle = load(locale);
      // Phone and email together: the phone is {0}.
      assertThat(bundle.getProperty("toplead.reach.both"))
          .contains("<say-as interpret-as=\"telephone\">{0}</say-as>");
      for (String key : bundle.stringPropertyNames()) {
        if (key.startsWith("card.") || key.startsWith("field.")) {
          continue;
        }
        String text = bundle.getProperty(key);
        String kind =
            key.contains("phone")
                ? "telephone"
                : key.toLowerCase(java.util.Locale.ROOT).contains("date") ? "date" : null;
        if (kind == null || !text.contains("{0}")) {
          continue;
        }
        checked++;
        assertThat(text)
            .as(locale + " " + key)
            .contains("<say-as interpret-as=\"" + kind + "\">{0}</say-as>");
      }
    }
    assertThat(checked).isGreaterThanOrEqualTo(3 * 2);
  }

  @Test
  void aSpokenPhoneNumberIsMarkedAndItsValueEscaped() {
    assertThat(Speech.forLocale("en-GB").say("toplead.reach.phone", "+44 20 <7946> 0018"))
        .isEqualTo(
            "You can reach them at <say-as interpret-as=\"telephone\">+44 20 &lt;7946&gt;"
                + " 0018</say-as>.");
  }
}
