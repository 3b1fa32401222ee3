package com.crmvoice.deployment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.AbstractConstruct;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Reads a CloudFormation YAML template into a JSON tree, turning the short-form tags (!Ref,
 * !GetAtt, !Sub, …) into the long form CloudFormation itself uses ({"Ref": …}, {"Fn::GetAtt": […]},
 * {"Fn::Sub": …}), so the rest of the checks see one shape.
 */
final class CloudFormationYaml {

  /** Short-form tag to long-form key. */
  static final Map<String, String> TAGS = tags();

  private static final ObjectMapper JSON = new ObjectMapper();

  private CloudFormationYaml() {}

  static JsonNode read(Path file) {
    try {
      return parse(Files.readString(file));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static JsonNode parse(String yaml) {
    LoaderOptions options = new LoaderOptions();
    options.setAllowDuplicateKeys(false);
    Object tree = new Yaml(new Constructor(options)).load(yaml);
    return JSON.valueToTree(tree);
  }

  private static Map<String, String> tags() {
    Map<String, String> tags = new LinkedHashMap<>();
    tags.put("Ref", "Ref");
    tags.put("Condition", "Condition");
    for (String fn :
        List.of(
            "GetAtt",
            "Sub",
            "Join",
            "If",
            "Select",
            "Split",
            "FindInMap",
            "Equals",
            "Not",
            "And",
            "Or",
            "ImportValue",
            "GetAZs",
            "Base64",
            "Cidr")) {
      tags.put(fn, "Fn::" + fn);
    }
    return Map.copyOf(tags);
  }

  private static final class Constructor extends SafeConstructor {
    Constructor(LoaderOptions options) {
      super(options);
      // CloudFormation reads "2010-09-09" as a string, never a date.
      yamlConstructors.put(Tag.TIMESTAMP, new ConstructYamlStr());
      TAGS.forEach((tag, key) -> yamlConstructors.put(new Tag("!" + tag), new Intrinsic(key)));
    }

    private final class Intrinsic extends AbstractConstruct {
      private final String key;

      Intrinsic(String key) {
        this.key = key;
      }

      @Override
      public Object construct(Node node) {
        Object value;
        if (node instanceof ScalarNode scalar) {
          String text = scalar.getValue();
          // !GetAtt Resource.Attribute is the list [Resource, Attribute] in the long form.
          if (key.equals("Fn::GetAtt")) {
            int dot = text.indexOf('.');
            if (dot < 1) {
              throw new IllegalArgumentException("!GetAtt needs Resource.Attribute, got " + text);
            }
            value = List.of(text.substring(0, dot), text.substring(dot + 1));
          } else {
            value = text;
          }
        } else if (node instanceof SequenceNode sequence) {
          value = constructSequence(sequence);
        } else {
          value = constructMapping((MappingNode) node);
        }
        Map<String, Object> intrinsic = new LinkedHashMap<>();
        intrinsic.put(key, value);
        return intrinsic;
      }
    }
  }
}
