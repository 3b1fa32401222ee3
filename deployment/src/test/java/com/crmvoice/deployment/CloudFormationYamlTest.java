package com.crmvoice.deployment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

class CloudFormationYamlTest {

  @Test
  void shortFormTagsBecomeTheLongForm() {
    JsonNode node =
        CloudFormationYaml.parse(
            """
            a: !Ref Thing
            b: !GetAtt Queue.Arn
            c: !Sub "${Table.Arn}/index/x"
            d: !Join [",", [x, !Ref Y]]
            e: !If [IsProd, 1, 2]
            f: !Select [0, !GetAZs ""]
            g: !Split [",", "a,b"]
            h: !FindInMap [M, K, V]
            i: !Not [!Equals [!Ref P, ""]]
            j: !And [!Condition C1, !Or [!Condition C2, !Condition C3]]
            k: !ImportValue other-stack-Export
            l: !Base64 hello
            m: !Cidr [10.0.0.0/16, 4, 8]
            n: !GetAtt Outer.Inner.Attribute
            """);

    assertThat(node.at("/a/Ref").asText()).isEqualTo("Thing");
    assertThat(node.at("/b/Fn::GetAtt/0").asText()).isEqualTo("Queue");
    assertThat(node.at("/b/Fn::GetAtt/1").asText()).isEqualTo("Arn");
    assertThat(node.at("/c/Fn::Sub").asText()).isEqualTo("${Table.Arn}/index/x");
    assertThat(node.at("/d/Fn::Join/1/1/Ref").asText()).isEqualTo("Y");
    assertThat(node.at("/e/Fn::If/0").asText()).isEqualTo("IsProd");
    assertThat(node.at("/f/Fn::Select/1/Fn::GetAZs").asText()).isEmpty();
    assertThat(node.at("/g/Fn::Split/1").asText()).isEqualTo("a,b");
    assertThat(node.at("/h/Fn::FindInMap/2").asText()).isEqualTo("V");
    assertThat(node.at("/i/Fn::Not/0/Fn::Equals/0/Ref").asText()).isEqualTo("P");
    assertThat(node.at("/j/Fn::And/1/Fn::Or/0/Condition").asText()).isEqualTo("C2");
    assertThat(node.at("/k/Fn::ImportValue").asText()).isEqualTo("other-stack-Export");
    assertThat(node.at("/l/Fn::Base64").asText()).isEqualTo("hello");
    assertThat(node.at("/m/Fn::Cidr/1").asInt()).isEqualTo(4);
    assertThat(node.at("/n/Fn::GetAtt/1").asText()).isEqualTo("Inner.Attribute");
  }

  @Test
  void aVersionDateStaysAString() {
    JsonNode node = CloudFormationYaml.parse("AWSTemplateFormatVersion: 2010-09-09\n");

    assertThat(node.get("AWSTemplateFormatVersion").isTextual()).isTrue();
    assertThat(node.get("AWSTemplateFormatVersion").asText()).isEqualTo("2010-09-09");
  }

  @Test
  void aDuplicateKeyIsRejected() {
    assertThatThrownBy(() -> CloudFormationYaml.parse("a: 1\na: 2\n"))
        .hasMessageContaining("duplicate key");
  }

  @Test
  void aGetAttWithoutAttributeIsRejected() {
    assertThatThrownBy(() -> CloudFormationYaml.parse("a: !GetAtt Queue\n"))
        .hasMessageContaining("Resource.Attribute");
  }
}
