package com.crmvoice.deployment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * The public schemas copied under src/test/resources/schemas (see SOURCES.md there): the AWS SAM
 * schema for the whole template, and CloudFormation resource provider schemas for the resource
 * types we have one for. Checks run on templates whose intrinsic functions are resolved.
 */
final class Schemas {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** Resource type to the provider schema file that describes its Properties. */
  static final Map<String, String> RESOURCE_SCHEMAS =
      Map.of(
          "AWS::SQS::Queue", "/schemas/cfn/aws-sqs-queue.json",
          "AWS::DynamoDB::Table", "/schemas/cfn/aws-dynamodb-table.json");

  private static Schema sam;

  private Schemas() {}

  /** SAM schema violations of a resolved template, as readable lines; empty when valid. */
  static synchronized List<String> samErrors(JsonNode resolvedTemplate) {
    if (sam == null) {
      sam =
          SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_4)
              .getSchema(read("/schemas/sam/sam.schema.json"));
    }
    return messages(sam.validate(resolvedTemplate));
  }

  /**
   * Violations of a resource's resolved Properties against its CloudFormation provider schema: its
   * properties (less the read-only ones, which a template may not set), definitions,
   * additionalProperties, required and combinators, as draft-07.
   */
  static List<String> resourceErrors(String type, JsonNode resolvedProperties) {
    String file = RESOURCE_SCHEMAS.get(type);
    if (file == null) {
      throw new IllegalArgumentException("no provider schema for " + type);
    }
    JsonNode provider = read(file);
    ObjectNode schema = JSON.createObjectNode();
    schema.put("type", "object");
    ObjectNode properties = provider.get("properties").deepCopy();
    for (JsonNode pointer : provider.path("readOnlyProperties")) {
      String path = pointer.asText();
      if (path.startsWith("/properties/") && path.indexOf('/', 12) < 0) {
        properties.remove(path.substring(12));
      }
    }
    schema.set("properties", properties);
    for (String key :
        List.of("definitions", "additionalProperties", "required", "allOf", "anyOf", "oneOf")) {
      if (provider.has(key)) {
        schema.set(key, provider.get(key));
      }
    }
    Schema compiled =
        SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7).getSchema(schema);
    return messages(compiled.validate(resolvedProperties));
  }

  private static List<String> messages(List<Error> errors) {
    List<String> lines = new ArrayList<>();
    for (Error error : errors) {
      lines.add(error.getInstanceLocation() + ": " + error.getMessage());
    }
    return lines;
  }

  static JsonNode read(String resource) {
    try (InputStream in = Schemas.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("missing test resource " + resource);
      }
      return JSON.readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Names of the SAM policy templates, with the parameters each takes. */
  static Map<String, List<String>> policyTemplates() {
    JsonNode templates = read("/schemas/sam/policy_templates.json").path("Templates");
    Map<String, List<String>> names = new java.util.TreeMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = templates.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> entry = it.next();
      List<String> parameters = new ArrayList<>();
      entry.getValue().path("Parameters").fieldNames().forEachRemaining(parameters::add);
      names.put(entry.getKey(), parameters);
    }
    return names;
  }

  /** A policy template's statements, as the SAM translator would expand them. */
  static JsonNode policyTemplateDefinition(String name) {
    return read("/schemas/sam/policy_templates.json")
        .path("Templates")
        .path(name)
        .path("Definition");
  }
}
