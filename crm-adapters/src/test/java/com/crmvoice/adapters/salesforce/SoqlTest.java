package com.crmvoice.adapters.salesforce;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class SoqlTest {

  /**
   * Reads a SOQL string literal starting at {@code start} (an opening quote) by Salesforce's escape
   * rules; answers {unescaped value, index after the closing quote}.
   */
  private static Object[] readLiteral(String soql, int start) {
    assertThat(soql.charAt(start)).isEqualTo('\'');
    StringBuilder value = new StringBuilder();
    int i = start + 1;
    while (true) {
      char c = soql.charAt(i++);
      if (c == '\'') {
        return new Object[] {value.toString(), i};
      }
      if (Character.isISOControl(c)) {
        throw new AssertionError("raw control character inside a literal");
      }
      if (c == '\\') {
        char e = soql.charAt(i++);
        switch (e) {
          case 'n' -> value.append('\n');
          case 'r' -> value.append('\r');
          case 't' -> value.append('\t');
          case 'b' -> value.append('\b');
          case 'f' -> value.append('\f');
          case '"', '\'', '\\' -> value.append(e);
          default -> throw new AssertionError("illegal escape \\" + e);
        }
      } else {
        value.append(c);
      }
    }
  }

  @Test
  void noValueInTheCorpusCanChangeTheQueryStructure() {
    String prefix = "SELECT Id FROM Lead WHERE OwnerId = ";
    for (String hostile : InjectionCorpus.VALUES) {
      String soql =
          Soql.select("Id")
              .from("Lead")
              .where(Soql.eq("OwnerId", hostile), Soql.eq("IsConverted", false))
              .limit(1)
              .build();

      assertThat(soql).startsWith(prefix);
      Object[] literal = readLiteral(soql, prefix.length());
      assertThat(literal[0]).as("round trip of %s", hostile).isEqualTo(hostile);
      assertThat(soql.substring((int) literal[1])).isEqualTo(" AND IsConverted = false LIMIT 1");
    }
  }

  @Test
  void everyNotInValueIsItsOwnLiteral() {
    String soql =
        Soql.select("Id")
            .from("Lead")
            .where(Soql.notIn("Status", List.of("a', 'b", "c\\")))
            .build();

    assertThat(soql).isEqualTo("SELECT Id FROM Lead WHERE Status NOT IN ('a\\', \\'b', 'c\\\\')");
  }

  @Test
  void identifiersAreNeverQuotedIntoPlace() {
    for (String bad : List.of("Id, Name", "Id FROM User --", "x y", "1abc", "", "a'b", "Name)")) {
      assertThatThrownBy(() -> Soql.select(bad)).isInstanceOf(IllegalArgumentException.class);
      assertThatThrownBy(() -> Soql.eq(bad, "v")).isInstanceOf(IllegalArgumentException.class);
    }
  }

  @Test
  void controlCharactersSoqlCannotExpressAreRefused() {
    assertThatThrownBy(() -> Soql.quote("nul\u0000byte"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Soql.quote("bell\u0007")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void datetimesAreSoqlLiteralsRoundedDownToTheSecond() {
    assertThat(Soql.literal(Instant.parse("2026-03-01T09:05:07.999Z")))
        .isEqualTo("2026-03-01T09:05:07Z");
    assertThat(Soql.atOrAfter("SystemModstamp", Instant.parse("2026-03-01T09:05:07Z")).soql())
        .isEqualTo("SystemModstamp >= 2026-03-01T09:05:07Z");
  }

  @Test
  void nullBecomesTheKeyword() {
    assertThat(Soql.quote(null)).isEqualTo("null");
  }
}
