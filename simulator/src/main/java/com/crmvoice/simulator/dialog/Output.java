package com.crmvoice.simulator.dialog;

/** What a person would hear or see, and what the simulator notes about the exchange. */
public sealed interface Output {

  /** What Alexa says (SSML stripped). */
  record Speech(String text) implements Output {}

  /** What Alexa says if the user stays silent. */
  record Reprompt(String text) implements Output {}

  /** A progressive response the skill sent through the directives API while it worked. */
  record Progressive(String text) implements Output {}

  /** A card shown in the Alexa app. */
  record Card(String type, String title, String content) implements Output {}

  /** A note from the simulator: the session ended, nothing matched, the skill failed. */
  record Notice(String text) implements Output {}

  /** What the user typed (echoed into transcripts). */
  record UserTurn(String text) implements Output {}
}
