package com.crmvoice.deployment;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** template.yaml at the repository root, parsed, with the look-ups the checks need. */
final class Template {

  final Path repositoryRoot;
  final JsonNode root;

  private Template(Path repositoryRoot, JsonNode root) {
    this.repositoryRoot = repositoryRoot;
    this.root = root;
  }

  /** The repository's template.yaml, found from the module folder Maven runs the tests in. */
  static Template load() {
    Path dir = Path.of("").toAbsolutePath();
    while (dir != null && !Files.isRegularFile(dir.resolve("template.yaml"))) {
      dir = dir.getParent();
    }
    if (dir == null) {
      throw new IllegalStateException("no template.yaml above " + Path.of("").toAbsolutePath());
    }
    return new Template(dir, CloudFormationYaml.read(dir.resolve("template.yaml")));
  }

  static Template of(String yaml) {
    return new Template(Path.of("").toAbsolutePath(), CloudFormationYaml.parse(yaml));
  }

  JsonNode resources() {
    return root.path("Resources");
  }

  JsonNode resource(String logicalId) {
    JsonNode resource = resources().path(logicalId);
    if (resource.isMissingNode()) {
      throw new AssertionError("template.yaml has no resource " + logicalId);
    }
    return resource;
  }

  JsonNode properties(String logicalId) {
    return resource(logicalId).path("Properties");
  }

  /** Logical id to resource, for every resource of {@code type}. */
  Map<String, JsonNode> resourcesOfType(String type) {
    Map<String, JsonNode> found = new LinkedHashMap<>();
    resources()
        .fields()
        .forEachRemaining(
            e -> {
              if (type.equals(e.getValue().path("Type").asText())) {
                found.put(e.getKey(), e.getValue());
              }
            });
    return found;
  }

  /** The function whose Handler is {@code handler}, as its logical id. */
  String functionWithHandler(String handler) {
    return resourcesOfType("AWS::Serverless::Function").entrySet().stream()
        .filter(e -> handler.equals(e.getValue().path("Properties").path("Handler").asText()))
        .map(Map.Entry::getKey)
        .findFirst()
        .orElseThrow(() -> new AssertionError("no function has the handler " + handler));
  }

  /** A function's environment as Lambda sees it: Globals first, the function's own over them. */
  Map<String, JsonNode> environment(String functionId) {
    Map<String, JsonNode> env = new LinkedHashMap<>();
    root.path("Globals")
        .path("Function")
        .path("Environment")
        .path("Variables")
        .fields()
        .forEachRemaining(e -> env.put(e.getKey(), e.getValue()));
    properties(functionId)
        .path("Environment")
        .path("Variables")
        .fields()
        .forEachRemaining(e -> env.put(e.getKey(), e.getValue()));
    return env;
  }

  /** A function property, the function's own or else from Globals. */
  JsonNode functionProperty(String functionId, String name) {
    JsonNode own = properties(functionId).path(name);
    return own.isMissingNode() ? root.path("Globals").path("Function").path(name) : own;
  }

  /** A literal number, or the default of the Number parameter it refers to. */
  int intValue(JsonNode node) {
    if (node.isNumber() || node.isTextual()) {
      return Integer.parseInt(node.asText());
    }
    String ref = node.path("Ref").asText(null);
    if (ref != null) {
      JsonNode fallback = root.path("Parameters").path(ref).path("Default");
      if (!fallback.isMissingNode()) {
        return Integer.parseInt(fallback.asText());
      }
    }
    throw new AssertionError("not a number or a parameter with a default: " + node);
  }

  /** The logical id a {"Ref": id} or {"Fn::GetAtt": [id, attribute]} names, else null. */
  static String target(JsonNode node) {
    if (node.has("Ref")) {
      return node.get("Ref").asText();
    }
    if (node.has("Fn::GetAtt")) {
      return node.get("Fn::GetAtt").path(0).asText();
    }
    return null;
  }
}
