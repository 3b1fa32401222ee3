package com.crmvoice.core.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class SalesforceIdsTest {

  // Published 15 -> 18 pairs: a0D30000001n7Pi from
  // https://gammone.com/en/programming/how-to-convert-salesforce-id-from-15-to-18-chars, the others
  // from the test cases of https://codegolf.stackexchange.com/questions/69127 (all as CASESAFEID()
  // answers them).
  @ParameterizedTest
  @CsvSource({
    "a0D30000001n7Pi, a0D30000001n7PiEAI",
    "a0RE000000IJmcN, a0RE000000IJmcNMAT",
    "a01M00000062mPg, a01M00000062mPgIAI",
    "001M000000qfPyS, 001M000000qfPySIAU",
    "a0FE000000D6r3F, a0FE000000D6r3FMAR",
    "0F9E000000092w2, 0F9E000000092w2KAA",
    "aaaaaaaaaaaaaaa, aaaaaaaaaaaaaaaAAA",
    "AbCdEfGhIjKlMnO, AbCdEfGhIjKlMnOVKV",
    "aBcDEfgHIJKLMNO, aBcDEfgHIJKLMNO025"
  })
  void aFifteenCharacterIdGetsItsCaseSafeSuffix(String id15, String id18) {
    assertThat(SalesforceIds.normalise(id15)).isEqualTo(id18);
  }

  @Test
  void idsThatDifferOnlyInCaseStayDifferent_andAnEighteenCharacterIdIsKept() {
    String lower = SalesforceIds.normalise("00570000001ZwTi");
    String upper = SalesforceIds.normalise("00570000001ZWTI");

    assertThat(lower).isEqualTo("00570000001ZwTiAAK");
    assertThat(upper).hasSize(18).isNotEqualToIgnoringCase(lower);
    assertThat(SalesforceIds.normalise(lower)).isEqualTo(lower);
    assertThat(SalesforceIds.normalise("005000000000001AAA")).isEqualTo("005000000000001AAA");
  }

  @ParameterizedTest
  @NullSource
  @ValueSource(
      strings = {
        "",
        "005X",
        "0057000000-ZwTi",
        "6f1c7a8e-1d2b-4c3d-9e8f-0a1b2c3d4e5f",
        "00570000001ZwT"
      })
  void anythingElseIsLeftAsItIs(String value) {
    assertThat(SalesforceIds.normalise(value)).isEqualTo(value);
  }

  @ParameterizedTest
  @ValueSource(strings = {"005X", "005000000000001AAA", "0057000000 ZwTi"})
  void theSuffixNeedsFifteenLettersAndDigits(String value) {
    assertThatThrownBy(() -> SalesforceIds.suffix(value))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
