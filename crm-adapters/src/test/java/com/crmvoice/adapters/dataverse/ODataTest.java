package com.crmvoice.adapters.dataverse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** OData literals are quoted and escaped, never pasted; names and GUIDs are checked. */
class ODataTest {

  @Test
  void aQuoteIsDoubledAndNothingElseChanges() {
    assertThat(OData.string("O'Brien")).isEqualTo("'O''Brien'");
    assertThat(OData.string("' or 1 eq 1 or '")).isEqualTo("''' or 1 eq 1 or '''");
    assertThat(OData.string("x\\")).isEqualTo("'x\\'");
    assertThat(OData.string("")).isEqualTo("''");
    assertThat(OData.string("😀 ü")).isEqualTo("'😀 ü'");
  }

  @Test
  void everyLiteralParsesBackToItsValue() {
    for (String value :
        List.of(
            "O'Brien",
            "''",
            "'",
            "a''b'c",
            "\\' OR Id != null OR Id = \\'",
            "‘ OR ’1’=’1",
            "%27",
            "&$top=1")) {
      String literal = OData.string(value);
      assertThat(literal).startsWith("'").endsWith("'");
      String inner = literal.substring(1, literal.length() - 1);
      // Inside the literal every quote comes in a pair: no quote can end it early.
      assertThat(inner.replace("''", "")).doesNotContain("'");
      assertThat(inner.replace("''", "'")).isEqualTo(value);
    }
  }

  @Test
  void controlCharactersAreRefused() {
    assertThatThrownBy(() -> OData.string("a\nb")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> OData.string("a\u0000")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aKeyInAPathIsEncodedSoNoCharacterLeavesIt() {
    String path = OData.byKey("leads", "crmvoice_commandid", "a') or (x eq 'b/?#&");
    assertThat(path).startsWith("leads(crmvoice_commandid=").endsWith(")");
    String inside = path.substring("leads(crmvoice_commandid=".length(), path.length() - 1);
    assertThat(inside).doesNotContain("/", "?", "#", "&", "'", "(", ")");
    assertThat(URLDecoder.decode(inside, StandardCharsets.UTF_8))
        .isEqualTo("'a'') or (x eq ''b/?#&'");
  }

  @Test
  void guidsAndNamesAreCheckedBeforeTheyReachAUrl() {
    assertThat(OData.guid("ABCDEF01-2345-6789-ABCD-EF0123456789"))
        .isEqualTo("abcdef01-2345-6789-abcd-ef0123456789");
    assertThatThrownBy(() -> OData.guid("' or 1 eq 1"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> OData.guid("005000000000001AAA"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> OData.name("leadid or 1"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> OData.byId("leads", "x)"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void filtersAndQueriesAreRenderedAndEncoded() {
    assertThat(OData.anyOf("leadid", List.of("a", "b"))).isEqualTo("(leadid eq a or leadid eq b)");
    assertThat(OData.dateTime(Instant.parse("2026-01-01T10:00:00Z")))
        .isEqualTo("2026-01-01T10:00:00.000Z");
    assertThat(OData.query("$select", "a,b", "$filter", "x eq 'y z'", "$top", null))
        .isEqualTo("?$select=a%2Cb&$filter=x%20eq%20%27y%20z%27");
  }
}
