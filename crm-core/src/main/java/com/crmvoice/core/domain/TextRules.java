package com.crmvoice.core.domain;

/**
 * Which code points a value may hold on its way through the pipeline.
 *
 * <p>SQS takes in a message body only the characters of XML 1.0's Char production: #x9, #xA, #xD,
 * #x20 to #xD7FF, #xE000 to #xFFFD, #x10000 to #x10FFFF; any other is refused
 * (InvalidMessageContents). SSML is XML, so the same rule holds for what Alexa speaks.
 * https://docs.aws.amazon.com/AWSSimpleQueueService/latest/APIReference/API_SendMessage.html
 */
public final class TextRules {

  private TextRules() {}

  /** XML 1.0's Char production, which SQS applies to message bodies. */
  public static boolean isXmlChar(int codePoint) {
    return codePoint == 0x9
        || codePoint == 0xA
        || codePoint == 0xD
        || (codePoint >= 0x20 && codePoint <= 0xD7FF)
        || (codePoint >= 0xE000 && codePoint <= 0xFFFD)
        || (codePoint >= 0x10000 && codePoint <= 0x10FFFF);
  }

  /**
   * Whether a value a person gave (a name, a company, an address) may hold this code point: an XML
   * character that is neither a control character (C0, DEL, C1: tabs and line breaks included, none
   * belongs in a spoken value) nor a noncharacter (U+FDD0 to U+FDEF, U+xxFFFE, U+xxFFFF). A lone
   * surrogate is no XML character.
   */
  public static boolean isValueChar(int codePoint) {
    return isXmlChar(codePoint)
        && Character.getType(codePoint) != Character.CONTROL
        && !(codePoint >= 0xFDD0 && codePoint <= 0xFDEF)
        && (codePoint & 0xFFFE) != 0xFFFE;
  }

  /** Whether every code point of {@code value} passes {@link #isValueChar}. */
  public static boolean isCleanValue(String value) {
    return value.codePoints().allMatch(TextRules::isValueChar);
  }

  /** The index of the first char of {@code text} outside {@link #isXmlChar}, or -1. */
  public static int firstNonXmlChar(String text) {
    for (int i = 0; i < text.length(); ) {
      int cp = text.codePointAt(i);
      if (!isXmlChar(cp)) {
        return i;
      }
      i += Character.charCount(cp);
    }
    return -1;
  }
}
