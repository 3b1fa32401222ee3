package com.crmvoice.simulator.dialog;

import java.util.regex.Pattern;

/** Speech as a person hears it: SSML tags dropped, entities decoded, spaces collapsed. */
public final class Ssml {

  private static final Pattern BREAK = Pattern.compile("<break[^>]*/?>", Pattern.CASE_INSENSITIVE);
  private static final Pattern AUDIO = Pattern.compile("<audio[^>]*/?>", Pattern.CASE_INSENSITIVE);
  private static final Pattern TAG = Pattern.compile("<[^>]+>");

  private Ssml() {}

  public static String toText(String ssml) {
    if (ssml == null) {
      return "";
    }
    String text = BREAK.matcher(ssml).replaceAll(" ");
    text = AUDIO.matcher(text).replaceAll(" [sound] ");
    text = TAG.matcher(text).replaceAll("");
    text =
        text.replace("&lt;", "<")
            .replace("&gt;", ">")
            .replace("&quot;", "\"")
            .replace("&apos;", "'")
            .replace("&amp;", "&");
    return text.replaceAll("\\s+", " ").strip();
  }
}
