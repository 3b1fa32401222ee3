package com.crmvoice.intent;

import static org.assertj.core.api.Assertions.assertThat;

import com.crmvoice.intent.speech.Speech;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** A key written twice in a bundle silently replaces the first text: never. */
class SpeechBundleKeysTest {

  static List<String> locales() {
    return Speech.LOCALES;
  }

  @ParameterizedTest
  @MethodSource("locales")
  void noKeyIsWrittenTwice(String locale) throws IOException {
    String name = "/com/crmvoice/intent/speech/Speech_" + locale.replace('-', '_') + ".properties";
    String text;
    try (InputStream in = SpeechBundleKeysTest.class.getResourceAsStream(name)) {
      text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    Set<String> seen = new HashSet<>();
    List<String> twice = new ArrayList<>();
    for (String line : text.split("\n")) {
      if (line.isBlank() || line.startsWith("#") || !line.contains("=")) {
        continue;
      }
      String key = line.substring(0, line.indexOf('=')).strip();
      if (!seen.add(key)) {
        twice.add(key);
      }
    }
    assertThat(twice).as(locale).isEmpty();
  }
}
