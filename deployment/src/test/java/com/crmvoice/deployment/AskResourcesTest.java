package com.crmvoice.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * ask-resources.json at the repository root, read the way ASK CLI v2's {@code ask deploy} reads it
 * (alexa/ask-cli lib/commands/deploy/index.ts and lib/model/resources-config/ask-resources.ts): the
 * file in the working directory, {@code profiles.<profile>.skillMetadata.src} resolved against that
 * directory and holding skill.json; the skill's code is deployed by SAM, so no {@code code} and no
 * {@code skillInfrastructure} (without them the CLI deploys the skill package only). The CLI writes
 * the skill id to .ask/ask-states.json, which stays out of git.
 */
class AskResourcesTest {

  private static final ObjectMapper JSON =
      new ObjectMapper().configure(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY, true);

  /** The profile {@code ask deploy} uses without --profile or ASK_DEFAULT_PROFILE. */
  private static final String DEFAULT_PROFILE = "default";

  private static Path root() {
    return Template.load().repositoryRoot;
  }

  private static JsonNode resources() throws IOException {
    Path file = root().resolve("ask-resources.json");
    assertThat(file).as("ask deploy: File ask-resources.json not exists").isRegularFile();
    return JSON.readTree(file.toFile());
  }

  @Test
  void theDefaultProfileDeploysTheSkillPackage_andNothingElse() throws IOException {
    JsonNode resources = resources();

    assertThat(resources.path("askcliResourcesVersion").asText()).isEqualTo("2020-03-31");
    JsonNode profile = resources.path("profiles").path(DEFAULT_PROFILE);
    assertThat(profile.isObject()).as("profiles.default").isTrue();
    assertThat(profile.path("code").isMissingNode()).as("no code: SAM deploys it").isTrue();
    assertThat(profile.path("skillInfrastructure").isMissingNode())
        .as("no skillInfrastructure: SAM deploys it")
        .isTrue();
    assertThat(profile.path("skillId").isMissingNode())
        .as("the skill id lives in .ask/ask-states.json")
        .isTrue();

    String src = profile.path("skillMetadata").path("src").asText();
    assertThat(src).isEqualTo("./skill-package");
    Path skillPackage = root().resolve(src).normalize();
    assertThat(skillPackage.resolve("skill.json")).isRegularFile();
    assertThat(skillPackage.resolve("interactionModels/custom")).isDirectory();
  }

  @Test
  void askStateStaysOutOfGit() throws IOException {
    List<String> ignored = Files.readAllLines(root().resolve(".gitignore"));

    assertThat(ignored).anyMatch(line -> line.strip().equals(".ask/"));
  }

  @Test
  void theReadmeDeploysTheSkillFromTheRepositoryRoot_beforeAndAfterTheStack() throws IOException {
    String readme = Files.readString(root().resolve("README.md"));
    int skill = readme.indexOf("ask deploy --target skill-metadata");
    int stack = readme.indexOf("sam deploy --guided");
    int endpoint = readme.indexOf("ask deploy --target skill-metadata", stack);

    assertThat(skill).as("ask deploy before the first sam deploy").isNotNegative();
    assertThat(stack).isGreaterThan(skill);
    assertThat(endpoint).as("ask deploy again with the function's ARN").isGreaterThan(stack);
    assertThat(Pattern.compile("cd skill-package").matcher(readme).find())
        .as("ask deploy runs where ask-resources.json is")
        .isFalse();
  }
}
