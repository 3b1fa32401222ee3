package com.crmvoice.deployment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Intrinsic functions, as cfn-lint treats them before a schema check: each is replaced by a value
 * of the type it yields (a Ref to a Number parameter by a number, !Sub by a string, !Split by a
 * list, …), since a schema's "string" does not accept {"Ref": …}. Also lists what a template refers
 * to, for the check that every reference names something.
 */
final class Intrinsics {

  static final Set<String> PSEUDO_PARAMETERS =
      Set.of(
          "AWS::AccountId",
          "AWS::NotificationARNs",
          "AWS::NoValue",
          "AWS::Partition",
          "AWS::Region",
          "AWS::StackId",
          "AWS::StackName",
          "AWS::URLSuffix");

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final Pattern SUB_VARIABLE = Pattern.compile("\\$\\{([^!}][^}]*)}");

  private final JsonNode template;
  private final boolean conditionsHold;

  /**
   * @param conditionsHold which branch of every !If to take: validate once with each to cover both
   */
  Intrinsics(JsonNode template, boolean conditionsHold) {
    this.template = template;
    this.conditionsHold = conditionsHold;
  }

  /** A copy of {@code node} with every intrinsic function replaced by a value of its type. */
  JsonNode resolve(JsonNode node) {
    JsonNode resolved = resolveOrNull(node);
    return resolved == null ? NODES.missingNode() : resolved;
  }

  /** null stands for AWS::NoValue: the property is left out. */
  private JsonNode resolveOrNull(JsonNode node) {
    if (node.isArray()) {
      ArrayNode copy = NODES.arrayNode();
      for (JsonNode item : node) {
        JsonNode value = resolveOrNull(item);
        if (value != null) {
          copy.add(value);
        }
      }
      return copy;
    }
    if (!node.isObject()) {
      return node;
    }
    String function = intrinsicName(node);
    if (function != null) {
      return resolveFunction(function, node.get(function));
    }
    ObjectNode copy = NODES.objectNode();
    for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> field = it.next();
      JsonNode value = resolveOrNull(field.getValue());
      if (value != null) {
        copy.set(field.getKey(), value);
      }
    }
    return copy;
  }

  /** The intrinsic's key when {@code node} is one ({"Ref": …}, {"Fn::Sub": …}), else null. */
  static String intrinsicName(JsonNode node) {
    if (!node.isObject() || node.size() != 1) {
      return null;
    }
    String key = node.fieldNames().next();
    if (key.equals("Ref") || key.startsWith("Fn::")) {
      return key;
    }
    if (key.equals("Condition") && node.get(key).isTextual()) {
      return key;
    }
    return null;
  }

  private JsonNode resolveFunction(String function, JsonNode argument) {
    switch (function) {
      case "Ref":
        return resolveRef(argument.asText());
      case "Fn::GetAtt":
        return NODES.textNode("arn:aws:resolved:" + argument.path(0).asText());
      case "Fn::Sub":
      case "Fn::Join":
      case "Fn::Base64":
      case "Fn::ImportValue":
        return NODES.textNode("resolved-" + function.substring(4).toLowerCase());
      case "Fn::Split":
      case "Fn::GetAZs":
      case "Fn::Cidr":
        return NODES.arrayNode().add("resolved-1").add("resolved-2");
      case "Fn::Select":
        {
          JsonNode list = resolve(argument.path(1));
          int index = argument.path(0).isInt() ? argument.path(0).asInt() : 0;
          return list.isArray() && list.size() > index
              ? list.get(index)
              : NODES.textNode("resolved");
        }
      case "Fn::If":
        return resolveOrNull(argument.path(conditionsHold ? 1 : 2));
      case "Fn::FindInMap":
        {
          JsonNode value =
              template
                  .path("Mappings")
                  .path(argument.path(0).asText())
                  .path(argument.path(1).asText())
                  .path(argument.path(2).asText());
          return value.isMissingNode() ? NODES.textNode("resolved") : resolve(value);
        }
      case "Fn::Equals":
      case "Fn::Not":
      case "Fn::And":
      case "Fn::Or":
      case "Condition":
        return NODES.booleanNode(conditionsHold);
      default:
        throw new IllegalArgumentException("unknown intrinsic function " + function);
    }
  }

  private JsonNode resolveRef(String name) {
    if (name.equals("AWS::NoValue")) {
      return null;
    }
    if (name.equals("AWS::NotificationARNs")) {
      return NODES.arrayNode().add("arn:aws:sns:resolved");
    }
    JsonNode parameter = template.path("Parameters").path(name);
    if (parameter.isMissingNode()) {
      return NODES.textNode("resolved-" + name);
    }
    String type = parameter.path("Type").asText("String");
    JsonNode fallback = parameter.get("Default");
    if (type.equals("Number")) {
      return fallback != null && fallback.isNumber()
          ? fallback
          : NODES.numberNode(
              fallback == null ? parameter.path("MinValue").asInt(1) : fallback.asInt());
    }
    if (type.startsWith("List<") || type.equals("CommaDelimitedList")) {
      return NODES.arrayNode().add("resolved");
    }
    return NODES.textNode(fallback == null ? "resolved-" + name : fallback.asText());
  }

  /**
   * Every name the template refers to through Ref, GetAtt, Sub variables and Condition, as written
   * ("Queue", "Queue.Arn", "IntentFunction.Alias", "AWS::Region").
   */
  static Set<String> references(JsonNode node) {
    Set<String> names = new LinkedHashSet<>();
    collect(node, names);
    return names;
  }

  private static void collect(JsonNode node, Set<String> names) {
    String function = intrinsicName(node);
    if (function != null) {
      JsonNode argument = node.get(function);
      switch (function) {
        case "Ref", "Condition" -> names.add(argument.asText());
        case "Fn::GetAtt" ->
            names.add(
                argument.isArray()
                    ? argument.path(0).asText() + "." + argument.path(1).asText()
                    : argument.asText());
        case "Fn::Sub" -> {
          String text = argument.isArray() ? argument.path(0).asText() : argument.asText();
          Set<String> local = new LinkedHashSet<>();
          if (argument.isArray()) {
            argument.path(1).fieldNames().forEachRemaining(local::add);
          }
          Matcher matcher = SUB_VARIABLE.matcher(text);
          while (matcher.find()) {
            if (!local.contains(matcher.group(1))) {
              names.add(matcher.group(1));
            }
          }
        }
        default -> {}
      }
    }
    node.elements().forEachRemaining(child -> collect(child, names));
  }
}
