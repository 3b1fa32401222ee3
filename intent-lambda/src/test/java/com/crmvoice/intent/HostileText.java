package com.crmvoice.intent;

import java.util.List;

/**
 * Values an adversarial probe (issue 19) put into lead fields, and more: SSML and XML
 * metacharacters, quotes, code points XML 1.0 forbids (NUL, C0 controls, U+FFFE/U+FFFF, unpaired
 * surrogates), emoji (surrogate pairs), bidirectional and zero-width marks, placeholders and
 * replacement syntax, and very long strings.
 */
final class HostileText {

  private HostileText() {}

  static final List<String> CORPUS =
      List.of(
          "Smith & Sons <b>bold</b> \"quoted\" 'single'",
          "]]><speak>inner</speak><!-- comment",
          "<audio src=\"https://example.invalid/a.mp3\"/>",
          "</speak><speak>",
          "&amp; &#0; &#x1F; &lt;",
          "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>&e;",
          "NUL\u0000inside",
          "bell\u0007",
          "vertical\u000Btab",
          "form\u000Cfeed",
          "esc\u001B[31mred",
          "\u0001\u0002\u0003\u001F",
          "line\nbreak\r\ncarriage\ttab",
          "non\uFFFEchar\uFFFF",
          "lone high \uD83D",
          "lone low \uDE00 here",
          "reversed \uDE00\uD83D pair",
          "\uD83D\uD83D\uDE00 high then pair",
          "emoji 😀 👩‍💼 🇩🇪",
          "Müller-Lüdenscheidt Straße",
          "\u202Eevil\u202C and \u200F\u200Emarks",
          "שלום עולם مرحبا",
          "zero\u200Bwidth\uFEFFbom",
          "\u0085next line \u2028 line sep \u2029 para",
          "{0} {1} {9} $1 \\1 \\ backslash",
          "%s %n %d",
          "x".repeat(10_000),
          "<&>\"".repeat(2_500),
          "😀".repeat(1_000),
          "\u000B".repeat(500),
          " ",
          "");
}
