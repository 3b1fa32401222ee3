package com.crmvoice.deployment;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Every IAM statement a template grants: the inline statements and expanded SAM policy templates of
 * each function, and the policies of each IAM role.
 */
final class IamStatements {

  /**
   * One statement.
   *
   * @param resourceId the logical id of the function or role that holds it
   * @param name its Sid, or the policy template it comes from
   * @param statement the statement (for a policy template, its definition's statement)
   */
  record Grant(String resourceId, String name, JsonNode statement) {}

  private IamStatements() {}

  static List<Grant> of(Template template) {
    List<Grant> grants = new ArrayList<>();
    template
        .resources()
        .fields()
        .forEachRemaining(
            entry -> {
              String id = entry.getKey();
              JsonNode resource = entry.getValue();
              String type = resource.path("Type").asText();
              if (type.equals("AWS::Serverless::Function")) {
                for (JsonNode policy : policies(resource.path("Properties").path("Policies"))) {
                  addFunctionPolicy(grants, id, policy);
                }
              } else if (type.equals("AWS::IAM::Role")) {
                for (JsonNode policy : resource.path("Properties").path("Policies")) {
                  addStatements(grants, id, policy.path("PolicyDocument").path("Statement"));
                }
                if (resource.path("Properties").has("ManagedPolicyArns")) {
                  throw new AssertionError(id + ": managed policies are not reviewed here");
                }
              }
            });
    return grants;
  }

  /** The names of the SAM policy templates a function uses, with the parameters given. */
  static Map<String, JsonNode> policyTemplatesUsed(JsonNode function) {
    Map<String, JsonNode> used = new java.util.LinkedHashMap<>();
    for (JsonNode policy : policies(function.path("Properties").path("Policies"))) {
      if (policy.isObject() && !policy.has("Statement")) {
        Map.Entry<String, JsonNode> only = policy.fields().next();
        used.put(only.getKey(), only.getValue());
      }
    }
    return used;
  }

  private static List<JsonNode> policies(JsonNode policies) {
    List<JsonNode> list = new ArrayList<>();
    if (policies.isArray()) {
      policies.forEach(list::add);
    } else if (!policies.isMissingNode()) {
      list.add(policies);
    }
    return list;
  }

  private static void addFunctionPolicy(List<Grant> grants, String id, JsonNode policy) {
    if (policy.isTextual()) {
      throw new AssertionError(
          id + ": managed policy " + policy.asText() + " is not reviewed here");
    }
    if (policy.has("Statement")) {
      addStatements(grants, id, policy.path("Statement"));
      return;
    }
    if (policy.size() != 1) {
      throw new AssertionError(id + ": a policy template entry must have one key: " + policy);
    }
    String name = policy.fieldNames().next();
    JsonNode definition = Schemas.policyTemplateDefinition(name);
    if (definition.isMissingNode()) {
      throw new AssertionError(id + ": no SAM policy template named " + name);
    }
    for (JsonNode statement : definition.path("Statement")) {
      grants.add(new Grant(id, name, statement));
    }
  }

  private static void addStatements(List<Grant> grants, String id, JsonNode statements) {
    List<JsonNode> list = new ArrayList<>();
    if (statements.isArray()) {
      statements.forEach(list::add);
    } else {
      list.add(statements);
    }
    int index = 0;
    for (JsonNode statement : list) {
      String sid = statement.path("Sid").asText("#" + index);
      grants.add(new Grant(id, sid, statement));
      index++;
    }
  }

  /** Why a statement is too broad: a wildcard in an action or a resource; empty if it is not. */
  static List<String> wildcards(JsonNode statement) {
    List<String> found = new ArrayList<>();
    if (statement.has("NotAction") || statement.has("NotResource")) {
      found.add("NotAction/NotResource grants everything else");
    }
    for (JsonNode action : list(statement.path("Action"))) {
      if (action.isTextual() && action.asText().contains("*")) {
        found.add("action " + action.asText());
      }
    }
    for (JsonNode resource : list(statement.path("Resource"))) {
      String text = literalText(resource);
      if (text != null && text.contains("*")) {
        found.add("resource " + text);
      }
    }
    return found;
  }

  /** A literal string or the text of a !Sub; null for references, which name one resource. */
  private static String literalText(JsonNode resource) {
    if (resource.isTextual()) {
      return resource.asText();
    }
    JsonNode sub = resource.path("Fn::Sub");
    if (sub.isTextual()) {
      return sub.asText();
    }
    if (sub.isArray()) {
      return sub.path(0).asText();
    }
    return null;
  }

  private static List<JsonNode> list(JsonNode node) {
    List<JsonNode> list = new ArrayList<>();
    if (node.isArray()) {
      for (Iterator<JsonNode> it = node.elements(); it.hasNext(); ) {
        list.add(it.next());
      }
    } else if (!node.isMissingNode()) {
      list.add(node);
    }
    return list;
  }
}
