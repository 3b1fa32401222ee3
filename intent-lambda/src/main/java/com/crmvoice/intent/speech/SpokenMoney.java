package com.crmvoice.intent.speech;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.NumberFormat;
import java.util.Currency;
import java.util.Locale;

/**
 * An amount as Alexa reads it well in the user's locale: the locale's currency format with the
 * org's currency ("$42,500" in en-US, "US$42,500" in en-GB, "42.500 €" in de-DE, which Alexa says
 * as "forty-two thousand five hundred dollars" or "zweiundvierzigtausendfünfhundert Euro"); cents
 * only when there are any.
 */
public final class SpokenMoney {

  private SpokenMoney() {}

  public static String of(BigDecimal amount, String isoCode, String alexaLocale) {
    Locale locale = Locale.forLanguageTag(alexaLocale);
    NumberFormat format = NumberFormat.getCurrencyInstance(locale);
    try {
      format.setCurrency(Currency.getInstance(isoCode));
    } catch (IllegalArgumentException unknownCode) {
      // Not an ISO 4217 code the JDK knows: the number, then the code.
      NumberFormat plain = NumberFormat.getNumberInstance(locale);
      return plain.format(amount) + " " + isoCode;
    }
    boolean whole = amount.stripTrailingZeros().scale() <= 0;
    format.setMinimumFractionDigits(whole ? 0 : 2);
    format.setMaximumFractionDigits(whole ? 0 : 2);
    format.setRoundingMode(RoundingMode.HALF_EVEN);
    // The JDK puts a no-break space between number and sign in German; a plain one reads the same.
    return format.format(amount).replace('\u00a0', ' ');
  }
}
