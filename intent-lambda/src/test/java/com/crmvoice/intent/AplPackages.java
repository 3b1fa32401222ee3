package com.crmvoice.intent;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The names APL packages define (src/test/resources/apl/NAME@VERSION.txt, one name a line, from the
 * package's documentation), and the names a document uses: every "style" and every "@resource"
 * reference, plain or inside a ${…} expression.
 */
final class AplPackages {

  private static final Pattern RESOURCE = Pattern.compile("@([A-Za-z][A-Za-z0-9_]*)");

  private AplPackages() {}

  static Map<String, Set<String>> load() throws IOException {
    Map<String, Set<String>> packages = new HashMap<>();
    for (String key : new String[] {"alexa-styles@1.6.0"}) {
      try (InputStream in = AplPackages.class.getResourceAsStream("/apl/" + key + ".txt")) {
        Set<String> names = new LinkedHashSet<>();
        for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
          String name = line.strip();
          if (!name.isEmpty() && !name.startsWith("#")) {
            names.add(name);
          }
        }
        packages.put(key, names);
      }
    }
    return packages;
  }

  static Set<String> usedNames(JsonNode document) {
    Set<String> used = new LinkedHashSet<>();
    walk(document, null, used);
    return used;
  }

  private static void walk(JsonNode node, String field, Set<String> used) {
    if (node.isObject()) {
      node.fields().forEachRemaining(e -> walk(e.getValue(), e.getKey(), used));
    } else if (node.isArray()) {
      node.forEach(item -> walk(item, field, used));
    } else if (node.isTextual()) {
      String text = node.asText();
      if ("style".equals(field) && !text.contains("${")) {
        used.add(text);
      }
      if (text.startsWith("@") || text.contains("${")) {
        Matcher m = RESOURCE.matcher(text);
        while (m.find()) {
          used.add(m.group(1));
        }
      }
    }
  }
}
