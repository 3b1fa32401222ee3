package com.crmvoice.simulator.model;

import java.util.List;
import java.util.Map;

/**
 * The utterances Alexa's built-in intents understand without samples in the model (Amazon's
 * built-in library, en-US). They apply only to the built-in intents the model declares; samples the
 * model adds to a built-in intent extend them.
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

  static List<String> samples(String intentName) {
    return SAMPLES.getOrDefault(intentName, List.of());
  }

  static final String FALLBACK = "AMAZON.FallbackIntent";
  static final String YES = "AMAZON.YesIntent";
  static final String NO = "AMAZON.NoIntent";
}
