package com.crmvoice.simulator.model;

import java.util.List;
import java.util.Map;

/**
 * The utterances Alexa's built-in intents understand without samples in the model (Amazon's
 * built-in library, English and German), and the words that invoke a skill. They apply only to the
 * built-in intents the model declares; samples the model adds to a built-in intent extend them.
 */
final class BuiltInIntents {

  private BuiltInIntents() {}

  private static final Map<String, List<String>> SAMPLES =
      Map.ofEntries(
          Map.entry(
              "AMAZON.YesIntent",
              List.of(
                  "yes",
                  "yeah",
                  "yep",
                  "yup",
                  "sure",
                  "correct",
                  "ok",
                  "okay",
                  "yes please",
                  "that's right",
                  "that is right",
                  "right",
                  "of course",
                  "please do")),
          Map.entry(
              "AMAZON.NoIntent",
              List.of("no", "nope", "no thanks", "no thank you", "not really", "nah", "wrong")),
          Map.entry(
              "AMAZON.HelpIntent",
              List.of(
                  "help",
                  "help me",
                  "what can I do",
                  "what can you do",
                  "what can I say",
                  "how does this work",
                  "I need help")),
          Map.entry(
              "AMAZON.CancelIntent",
              List.of("cancel", "never mind", "nevermind", "forget it", "cancel that")),
          Map.entry(
              "AMAZON.StopIntent",
              List.of("stop", "quit", "exit", "off", "shut up", "be quiet", "goodbye", "bye")),
          Map.entry("AMAZON.NavigateHomeIntent", List.of("go home", "home", "go to home")),
          Map.entry("AMAZON.StartOverIntent", List.of("start over", "restart", "start again")),
          Map.entry("AMAZON.RepeatIntent", List.of("repeat", "say that again", "again")),
          Map.entry("AMAZON.NextIntent", List.of("next", "skip", "next one")),
          Map.entry("AMAZON.PreviousIntent", List.of("previous", "go back", "back")),
          Map.entry("AMAZON.MoreIntent", List.of("more", "tell me more")),
          Map.entry("AMAZON.PauseIntent", List.of("pause")),
          Map.entry("AMAZON.ResumeIntent", List.of("resume", "continue")));

  private static final Map<String, List<String>> SAMPLES_DE =
      Map.ofEntries(
          Map.entry(
              "AMAZON.YesIntent",
              List.of(
                  "ja", "jawohl", "genau", "richtig", "ja bitte", "okay", "ok", "klar", "gerne")),
          Map.entry(
              "AMAZON.NoIntent",
              List.of("nein", "nö", "nee", "nein danke", "falsch", "lieber nicht")),
          Map.entry(
              "AMAZON.HelpIntent",
              List.of("hilfe", "hilf mir", "was kann ich sagen", "was kannst du", "wie geht das")),
          Map.entry("AMAZON.CancelIntent", List.of("abbrechen", "vergiss es", "egal", "abbruch")),
          Map.entry(
              "AMAZON.StopIntent",
              List.of("stopp", "stop", "beenden", "aufhören", "schluss", "tschüss", "sei still")),
          Map.entry("AMAZON.NavigateHomeIntent", List.of("startseite", "geh nach hause")),
          Map.entry("AMAZON.StartOverIntent", List.of("von vorne", "neu starten")),
          Map.entry("AMAZON.RepeatIntent", List.of("wiederholen", "nochmal", "wie bitte")),
          Map.entry("AMAZON.NextIntent", List.of("weiter", "nächste", "der nächste")),
          Map.entry("AMAZON.PreviousIntent", List.of("zurück", "vorherige")),
          Map.entry("AMAZON.MoreIntent", List.of("mehr", "erzähl mehr")),
          Map.entry("AMAZON.PauseIntent", List.of("pause")),
          Map.entry("AMAZON.ResumeIntent", List.of("fortsetzen", "weitermachen")));

  /** How a locale invokes a skill: regex alternatives, without groups. */
  record InvocationWords(String launchVerbs, String askVerbs, String connectors, String suffixes) {}

  private static final InvocationWords ENGLISH =
      new InvocationWords(
          "open|launch|start|begin|load|run|resume|use|talk to|play",
          "ask|tell",
          "to|for|about|if|whether|that|and",
          "using|with|from|on|in");

  private static final InvocationWords GERMAN =
      new InvocationWords(
          "öffne|starte|start|beginne|lade|spiele|spiel",
          "frag|frage|sag|sage|bitte",
          "nach|ob|wie|dass|zu|und|um",
          "mit|von|bei|über");

  static List<String> samples(String intentName, String locale) {
    Map<String, List<String>> library = german(locale) ? SAMPLES_DE : SAMPLES;
    return library.getOrDefault(intentName, List.of());
  }

  static InvocationWords invocationWords(String locale) {
    return german(locale) ? GERMAN : ENGLISH;
  }

  private static boolean german(String locale) {
    return locale != null && locale.toLowerCase(java.util.Locale.ROOT).startsWith("de");
  }

  static final String FALLBACK = "AMAZON.FallbackIntent";
  static final String YES = "AMAZON.YesIntent";
  static final String NO = "AMAZON.NoIntent";
}
