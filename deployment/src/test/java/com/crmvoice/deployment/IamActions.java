package com.crmvoice.deployment;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * AWS API operations, as testkit's AwsOperationRecorder writes them ({@code DynamoDb:PutItem}), to
 * the IAM actions that authorise them, and whether a statement's Action allows an action.
 */
final class IamActions {

  /** The SDK's service name (SdkExecutionAttribute.SERVICE_NAME) to the IAM service prefix. */
  static final Map<String, String> SERVICE_PREFIXES =
      Map.of("DynamoDb", "dynamodb", "Sqs", "sqs", "SecretsManager", "secretsmanager");

  /**
   * Operations authorised by another operation's action. SQS: "You cannot set permissions
   * explicitly for SendMessageBatch, DeleteMessageBatch, or ChangeMessageVisibilityBatch"; the
   * single-message action covers the batch (SQS Developer Guide, Amazon SQS batch actions).
   * DynamoDB transactions: "Permissions for Put, Update, Delete, and Get actions are governed by
   * the permissions used for the underlying PutItem, UpdateItem, DeleteItem, and GetItem
   * operations", and dynamodb:ConditionCheckItem for a ConditionCheck (DynamoDB Developer Guide,
   * Using IAM with DynamoDB transactions); the recorder writes a transaction once per kind of item.
   */
  static final Map<String, String> AUTHORISED_BY =
      Map.of(
          "sqs:SendMessageBatch", "sqs:SendMessage",
          "sqs:DeleteMessageBatch", "sqs:DeleteMessage",
          "sqs:ChangeMessageVisibilityBatch", "sqs:ChangeMessageVisibility",
          "dynamodb:TransactWriteItems.Put", "dynamodb:PutItem",
          "dynamodb:TransactWriteItems.Update", "dynamodb:UpdateItem",
          "dynamodb:TransactWriteItems.Delete", "dynamodb:DeleteItem",
          "dynamodb:TransactWriteItems.ConditionCheck", "dynamodb:ConditionCheckItem",
          "dynamodb:TransactGetItems.Get", "dynamodb:GetItem");

  private IamActions() {}

  /** The IAM action a recorded operation needs; throws for a service or form it cannot map. */
  static String of(String operation) {
    int colon = operation.indexOf(':');
    if (colon < 1 || colon == operation.length() - 1) {
      throw new IllegalArgumentException("not service:operation: " + operation);
    }
    String service = operation.substring(0, colon);
    String prefix = SERVICE_PREFIXES.get(service);
    if (prefix == null) {
      throw new IllegalArgumentException(
          "no IAM prefix known for the SDK service "
              + service
              + " ("
              + operation
              + "): add it to IamActions.SERVICE_PREFIXES");
    }
    String action = prefix + ":" + operation.substring(colon + 1);
    String mapped = AUTHORISED_BY.get(action);
    if (mapped != null) {
      return mapped;
    }
    if (action.contains(".") || action.matches("dynamodb:Transact(Write|Get)Items")) {
      throw new IllegalArgumentException(
          "a DynamoDB transaction must be recorded per kind of item: " + operation);
    }
    return action;
  }

  /** The IAM actions a set of recorded operations needs, sorted. */
  static Set<String> of(Collection<String> operations) {
    Set<String> actions = new TreeSet<>();
    operations.forEach(op -> actions.add(of(op)));
    return actions;
  }

  /**
   * Whether an Action entry (an action, or a pattern with * and ?) matches an action; IAM compares
   * action names without regard to case.
   */
  static boolean matches(String pattern, String action) {
    StringBuilder regex = new StringBuilder();
    for (char c : pattern.toCharArray()) {
      if (c == '*') {
        regex.append(".*");
      } else if (c == '?') {
        regex.append('.');
      } else {
        regex.append(Pattern.quote(String.valueOf(c)));
      }
    }
    return Pattern.compile(regex.toString(), Pattern.CASE_INSENSITIVE).matcher(action).matches();
  }

  /** The Action entries of a statement, one or a list. */
  static List<String> actions(com.fasterxml.jackson.databind.JsonNode statement) {
    List<String> list = new ArrayList<>();
    com.fasterxml.jackson.databind.JsonNode action = statement.path("Action");
    if (action.isArray()) {
      action.forEach(a -> list.add(a.asText()));
    } else if (action.isTextual()) {
      list.add(action.asText());
    }
    return list;
  }
}
