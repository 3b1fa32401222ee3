package com.crmvoice.intent;

import static org.assertj.core.api.Assertions.assertThat;

import com.crmvoice.intent.speech.Speech;
import org.junit.jupiter.api.Test;

class SpeechXmlSafeTest {

  @Test
  void controlCharactersBecomeASpace_butTabLineFeedAndCarriageReturnStay() {
    assertThat(Speech.xmlSafe("Acme\u000BCorp\u0000\u0007\u001B")).isEqualTo("Acme Corp   ");
    assertThat(Speech.xmlSafe("a\tb\nc\rd")).isEqualTo("a\tb\nc\rd");
  }

  @Test
  void nonCharactersAndUnpairedSurrogatesAreDropped_pairsStay() {
    assertThat(Speech.xmlSafe("x\uFFFEy\uFFFFz")).isEqualTo("xyz");
    assertThat(Speech.xmlSafe("a\uD83Db\uDE00c\uDE00\uD83D")).isEqualTo("abc");
    assertThat(Speech.xmlSafe("\uD83D\uD83D\uDE00!")).isEqualTo("\uD83D\uDE00!");
    assertThat(Speech.xmlSafe("emoji 😀 \u202Emark")).isEqualTo("emoji 😀 \u202Emark");
  }

  @Test
  void aValueIsFilteredThenEscaped_inSpeech_andFilteredOnCards() {
    Speech speech = Speech.forLocale("en-US");

    assertThat(speech.say("toplead.found.nocompany", "<Ann>\u000B&\uFFFF"))
        .isEqualTo("Your top lead is &lt;Ann&gt; &amp;.");
    assertThat(speech.plain("card.phone", "555\u0000\uD800")).isEqualTo("Phone: 555 ");
  }
}
