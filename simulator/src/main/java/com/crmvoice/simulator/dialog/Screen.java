package com.crmvoice.simulator.dialog;

import com.crmvoice.testkit.alexa.AlexaRequests;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The device's screen, for the simulator: whether the device has one (its requests then declare
 * Alexa.Presentation.APL), what the skill last rendered (Alexa.Presentation.APL.RenderDocument) as
 * lines of text, and a touch on item N of a rendered list: the UserEvent the document's SendEvent
 * command sends, with the item's data bound into its arguments. Only that much of APL is simulated:
 * the first SendEvent of the document, its arguments as {@code ${data.NAME}} or literals.
 */
public final class Screen {

  private static final Pattern DATA = Pattern.compile("\\$\\{data\\.([A-Za-z0-9_]+)}");

  private boolean on;
  private String token;
  private final List<List<String>> touches = new ArrayList<>();

  public synchronized boolean on() {
    return on;
  }

  public synchronized void on(boolean on) {
    this.on = on;
    if (!on) {
      touches.clear();
    }
  }

  /** What the screen shows for a RenderDocument directive, one line each. */
  synchronized List<String> rendered(JsonNode directive) {
    List<String> lines = new ArrayList<>();
    touches.clear();
    token = directive.path("token").asText("");
    if (!on) {
      lines.add("RenderDocument to a device without a screen: Alexa rejects this response");
      return lines;
    }
    List<String> arguments = sendEventArguments(directive.path("document"));
    Iterator<Map.Entry<String, JsonNode>> sources = directive.path("datasources").fields();
    while (sources.hasNext()) {
      JsonNode source = sources.next().getValue();
      JsonNode items = source.path("items");
      if (items.isArray()) {
        lines.add("screen: " + source.path("title").asText(""));
        int n = 0;
        for (JsonNode item : items) {
          n++;
          lines.add("  " + n + ". " + item.path("label").asText(item.toString()));
          touches.add(bind(arguments, item));
        }
        lines.add("  (touch an item with :touch N)");
      } else {
        List<String> text = new ArrayList<>();
        source
            .fields()
            .forEachRemaining(
                f -> {
                  if (f.getValue().isArray()) {
                    // A list of lines (a Container's data): each line as the document shows it.
                    f.getValue().forEach(line -> text.add(line.asText(line.toString())));
                  } else if (!f.getValue().asText("").isBlank()) {
                    text.add(f.getValue().asText());
                  }
                });
        lines.add("screen: " + String.join(" | ", text));
      }
    }
    return lines;
  }

  /** The UserEvent a touch on item {@code n} (1-based) of the last list sends, if there is one. */
  synchronized Optional<AlexaRequests> touch(int n) {
    if (n < 1 || n > touches.size()) {
      return Optional.empty();
    }
    return Optional.of(AlexaRequests.userEvent(token, touches.get(n - 1)));
  }

  private static List<String> bind(List<String> arguments, JsonNode item) {
    List<String> bound = new ArrayList<>();
    for (String argument : arguments) {
      Matcher data = DATA.matcher(argument);
      bound.add(data.matches() ? item.path(data.group(1)).asText() : argument);
    }
    return bound;
  }

  private static List<String> sendEventArguments(JsonNode node) {
    if (node.isObject() && "SendEvent".equals(node.path("type").asText())) {
      List<String> arguments = new ArrayList<>();
      node.path("arguments").forEach(a -> arguments.add(a.asText()));
      return arguments;
    }
    if (node.isContainerNode()) {
      for (JsonNode child : node) {
        List<String> found = sendEventArguments(child);
        if (!found.isEmpty()) {
          return found;
        }
      }
    }
    return List.of();
  }
}
