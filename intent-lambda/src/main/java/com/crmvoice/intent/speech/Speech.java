package com.crmvoice.intent.speech;

import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the skill says, per locale, from the resource bundles {@code Speech_<locale>.properties}.
 * Placeholders are {0}, {1}, …; values put into them are escaped for SSML, and code points XML 1.0
 * cannot carry are taken out of them first ({@link #xmlSafe}), so a value from the CRM can never
 * make the SSML ill-formed (Alexa refuses such a response). Locales the skill has no text for speak
 * American English. The bundles name the CRM Salesforce; {@link #naming} gives the text for another
 * CRM (the CRM setting), its name said wherever the bundles say Salesforce.
 */
public final class Speech {

  /** The locales the skill has an interaction model and speech for. */
  public static final List<String> LOCALES = List.of("en-US", "en-GB", "de-DE");

  static final String BUNDLE = "com.crmvoice.intent.speech.Speech";
  private static final ResourceBundle.Control NO_FALLBACK =
      ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

  /** The CRM the bundles name. */
  public static final String BUNDLE_CRM = "Salesforce";

  private final ResourceBundle bundle;
  private final String locale;
  private final String crmName;

  private Speech(ResourceBundle bundle, String locale, String crmName) {
    this.bundle = bundle;
    this.locale = locale;
    this.crmName = crmName;
  }

  /** The spoken name of the CRM a CRM setting (salesforce, dynamics) chooses. */
  public static String crmName(String crmSetting) {
    return "dynamics".equalsIgnoreCase(crmSetting == null ? "" : crmSetting.strip())
        ? "Dynamics 365"
        : BUNDLE_CRM;
  }

  /** This text for the CRM called {@code name}: that name where the bundles say Salesforce. */
  public Speech naming(String name) {
    return name == null || name.equals(crmName) ? this : new Speech(bundle, locale, name);
  }

  /** The CRM this text names. */
  public String crm() {
    return crmName;
  }

  private String template(String key) {
    String template = bundle.getString(key);
    return crmName.equals(BUNDLE_CRM) ? template : template.replace(BUNDLE_CRM, crmName);
  }

  public static Speech forLocale(String locale) {
    String tag = locale != null && LOCALES.contains(locale) ? locale : "en-US";
    return new Speech(
        ResourceBundle.getBundle(BUNDLE, Locale.forLanguageTag(tag), NO_FALLBACK), tag, BUNDLE_CRM);
  }

  /** The locale whose text this is. */
  public String locale() {
    return locale;
  }

  /** The text for {@code key} with {@code args} (SSML-escaped) in its placeholders. */
  public String say(String key, Object... args) {
    return fill(template(key), args, true);
  }

  /**
   * Like {@link #say} for text on a card or a screen: no escaping, but the values are {@link
   * #xmlSafe} (an unpaired surrogate cannot even be written as UTF-8 JSON).
   */
  public String plain(String key, Object... args) {
    return fill(template(key), args, false);
  }

  private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\d)}");

  // One pass over the template: a spoken value that itself contains "{1}" stays as it was said.
  private static String fill(String template, Object[] args, boolean ssml) {
    Matcher m = PLACEHOLDER.matcher(template);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      int i = m.group(1).charAt(0) - '0';
      String value = i < args.length ? String.valueOf(args[i]) : m.group();
      if (i < args.length) {
        value = ssml ? escape(value) : xmlSafe(value);
      }
      m.appendReplacement(out, Matcher.quoteReplacement(value));
    }
    m.appendTail(out);
    return out.toString();
  }

  /**
   * The text for {@code key} without escaping (for use as a value of another text, which escapes
   * it), or null when the bundle has none.
   */
  public String plainIfPresent(String key, Object... args) {
    try {
      bundle.getString(key);
    } catch (MissingResourceException e) {
      return null;
    }
    return plain(key, args);
  }

  /**
   * {@code value} without the code points XML 1.0 does not allow (its {@code Char} production,
   * https://www.w3.org/TR/xml/#charsets): a C0 control other than tab, line feed and carriage
   * return becomes a space (a vertical tab from a spreadsheet import separates two words); U+FFFE,
   * U+FFFF and unpaired surrogates are dropped. Every other code point, a surrogate pair included,
   * stays as it is.
   */
  public static String xmlSafe(String value) {
    int length = value.length();
    int i = 0;
    while (i < length && allowed(value, i)) {
      i += Character.isHighSurrogate(value.charAt(i)) ? 2 : 1;
    }
    if (i >= length) {
      return value;
    }
    StringBuilder out = new StringBuilder(length).append(value, 0, i);
    while (i < length) {
      char c = value.charAt(i);
      if (allowed(value, i)) {
        int step = Character.isHighSurrogate(c) ? 2 : 1;
        out.append(value, i, i + step);
        i += step;
      } else {
        if (c < 0x20) {
          out.append(' ');
        }
        i++;
      }
    }
    return out.toString();
  }

  // Whether the code point starting at index i may appear in an XML 1.0 document; a high
  // surrogate counts only with a low one after it.
  private static boolean allowed(String value, int i) {
    char c = value.charAt(i);
    if (c < 0x20) {
      return c == '\t' || c == '\n' || c == '\r';
    }
    if (Character.isHighSurrogate(c)) {
      return i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1));
    }
    if (Character.isLowSurrogate(c)) {
      return false;
    }
    return c != '\uFFFE' && c != '\uFFFF';
  }

  /** {@code value} as SSML text: {@link #xmlSafe}, then the XML metacharacters escaped. */
  public static String escape(String value) {
    return xmlSafe(value)
        .replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("\"", "&quot;");
  }
}
