package com.crmvoice.simulator.dialog;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The interaction model's prompts as Alexa speaks them: each time a prompt is used the next of its
 * variations, with {@code {slot}} placeholders filled from the dialog's slot values.
 */
final class DialogPrompts {

  private static final Pattern PROMPT_SLOT = Pattern.compile("\\{([A-Za-z0-9_.]+)}");

  private final Map<String, List<String>> prompts;
  private final Map<String, Integer> turns = new HashMap<>();

  DialogPrompts(Map<String, List<String>> prompts) {
    this.prompts = prompts;
  }

  /** The prompt's next variation as plain text, or empty when the model has no such prompt. */
  Optional<String> next(String promptId, Map<String, String> slotValues) {
    List<String> variations = promptId == null ? null : prompts.get(promptId);
    if (variations == null || variations.isEmpty()) {
      return Optional.empty();
    }
    int turn = turns.merge(promptId, 1, Integer::sum) - 1;
    String text = variations.get(turn % variations.size());
    Matcher m = PROMPT_SLOT.matcher(text);
    StringBuilder spoken = new StringBuilder();
    while (m.find()) {
      String value = slotValues.get(m.group(1));
      m.appendReplacement(spoken, Matcher.quoteReplacement(value == null ? "" : value));
    }
    m.appendTail(spoken);
    return Optional.of(Ssml.toText(spoken.toString()));
  }
}
