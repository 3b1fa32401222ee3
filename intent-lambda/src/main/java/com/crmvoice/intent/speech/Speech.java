package com.crmvoice.intent.speech;

import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the skill says, per locale, from the resource bundles {@code Speech_<locale>.properties}.
 * Placeholders are {0}, {1}, …; values put into them are escaped for SSML. Locales the skill has no
 * text for speak American English.
 */
public final class Speech {

  /** The locales the skill has an interaction model and speech for. */
  public static final List<String> LOCALES = List.of("en-US", "en-GB", "de-DE");

  static final String BUNDLE = "com.crmvoice.intent.speech.Speech";
  private static final ResourceBundle.Control NO_FALLBACK =
      ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

  private final ResourceBundle bundle;
  private final String locale;

  private Speech(ResourceBundle bundle, String locale) {
    this.bundle = bundle;
    this.locale = locale;
  }

  public static Speech forLocale(String locale) {
    String tag = locale != null && LOCALES.contains(locale) ? locale : "en-US";
    return new Speech(
        ResourceBundle.getBundle(BUNDLE, Locale.forLanguageTag(tag), NO_FALLBACK), tag);
  }

  /** The locale whose text this is. */
  public String locale() {
    return locale;
  }

  /** The text for {@code key} with {@code args} (SSML-escaped) in its placeholders. */
  public String say(String key, Object... args) {
    return fill(bundle.getString(key), args, true);
  }

  /** Like {@link #say} for text on a card: no escaping. */
  public String plain(String key, Object... args) {
    return fill(bundle.getString(key), args, false);
  }

  private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\d)}");

  // One pass over the template: a spoken value that itself contains "{1}" stays as it was said.
  private static String fill(String template, Object[] args, boolean ssml) {
    Matcher m = PLACEHOLDER.matcher(template);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      int i = m.group(1).charAt(0) - '0';
      String value = i < args.length ? String.valueOf(args[i]) : m.group();
      m.appendReplacement(
          out, Matcher.quoteReplacement(ssml && i < args.length ? escape(value) : value));
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

  static String escape(String value) {
    return value
        .replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("\"", "&quot;");
  }
}
