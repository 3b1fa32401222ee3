package com.crmvoice.testkit.aws;

import java.net.URI;
import java.util.Map;
import org.testcontainers.localstack.LocalStackContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * LocalStack (DynamoDB, SQS, Secrets Manager) in Docker through Testcontainers, started once per
 * JVM on first use and stopped by Testcontainers when the JVM ends. Only for the {@code localstack}
 * Maven profile's {@code *LocalStackIT} classes, which are annotated
 * {@code @Testcontainers(disabledWithoutDocker = true)} so they are skipped, never failed, where no
 * Docker engine runs; Testcontainers is an optional dependency of testkit that those modules
 * declare themselves.
 *
 * <p>The image is {@value #DEFAULT_IMAGE} unless the system property {@code localstack.image} names
 * another; a LOCALSTACK_AUTH_TOKEN in the environment is passed on for images that need it.
 */
public final class LocalStackAws implements AwsTestEnvironment {

  public static final String DEFAULT_IMAGE = "localstack/localstack:4.4";

  private static LocalStackAws shared;

  private final LocalStackContainer container;

  private LocalStackAws(LocalStackContainer container) {
    this.container = container;
  }

  /** The container shared by every LocalStack test in this JVM, started on first use. */
  public static synchronized LocalStackAws shared() {
    if (shared == null) {
      String image = System.getProperty("localstack.image", DEFAULT_IMAGE);
      @SuppressWarnings("resource") // Testcontainers' reaper stops it when the JVM ends.
      LocalStackContainer container =
          new LocalStackContainer(
                  DockerImageName.parse(image).asCompatibleSubstituteFor("localstack/localstack"))
              .withServices("dynamodb", "sqs", "secretsmanager")
              // Path-style queue URLs on the mapped port: no DNS look-up of LocalStack's domain.
              .withEnv("SQS_ENDPOINT_STRATEGY", "path");
      String token = System.getenv("LOCALSTACK_AUTH_TOKEN");
      if (token != null && !token.isBlank()) {
        container.withEnv("LOCALSTACK_AUTH_TOKEN", token);
      }
      container.start();
      shared = new LocalStackAws(container);
    }
    return shared;
  }

  @Override
  public Map<String, String> env() {
    return Map.of(
        "AWS_REGION",
        container.getRegion(),
        "AWS_ENDPOINT_URL",
        container.getEndpoint().toString(),
        "AWS_ACCESS_KEY_ID",
        container.getAccessKey(),
        "AWS_SECRET_ACCESS_KEY",
        container.getSecretKey());
  }

  @Override
  public URI dynamoDbEndpoint() {
    return container.getEndpoint();
  }

  @Override
  public URI sqsEndpoint() {
    return container.getEndpoint();
  }
}
