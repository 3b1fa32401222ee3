package com.crmvoice.testkit.aws;

import java.net.URI;
import java.util.Map;

/**
 * An AWS to run integration tests against: the embedded engines ({@link EmbeddedAws}, here and in
 * CI) or LocalStack in Docker ({@link LocalStackAws}, in the {@code localstack} Maven profile). A
 * test class asks for its environment through one overridable method, so the same tests prove the
 * code against each: a {@code …LocalStackIT} subclass only swaps the environment.
 */
public interface AwsTestEnvironment {

  /** The standard AWS settings (AWS_REGION, AWS_ENDPOINT_URL_*, credentials) that point at it. */
  Map<String, String> env();

  URI dynamoDbEndpoint();

  URI sqsEndpoint();

  /** A name no other test in this JVM has used: fresh tables and queues per test class. */
  default String freshName(String prefix) {
    return EmbeddedAws.uniqueName(prefix);
  }
}
