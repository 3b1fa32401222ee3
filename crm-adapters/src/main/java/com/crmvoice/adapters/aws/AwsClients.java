package com.crmvoice.adapters.aws;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * The one factory of AWS clients: built once per container, every client on the url-connection HTTP
 * client (smallest cold start), region and endpoint from the standard settings (AWS_REGION,
 * AWS_ENDPOINT_URL, AWS_ENDPOINT_URL_DYNAMODB, AWS_ENDPOINT_URL_SQS,
 * AWS_ENDPOINT_URL_SECRETS_MANAGER) so the same code runs against AWS, LocalStack or the embedded
 * engines.
 *
 * <p>With {@link Bounds}, every DynamoDB and SQS call is bounded: an attempt that stalls (a socket
 * that accepts and never answers) is given up after {@link Bounds#attempt()}, the whole call with
 * its retries after {@link Bounds#apiCall()}, and the standard retry strategy makes at most {@link
 * Bounds#maxAttempts()} attempts. The first call of each client may take the whole call bound for
 * its attempt ({@link FirstCallAttemptTimeout}: a cold JVM's class loading and first connection
 * count against it), while a stalled read or connect still ends at the attempt bound. The Secrets
 * Manager client keeps the SDK's retries (the secret is read at init, or once on first use), but
 * shares the HTTP client, whose connect and read timeouts are the attempt bound. Without bounds,
 * the SDK's defaults apply (no time bound; right for the worker and the refresher, whose
 * invocations have minutes).
 * https://docs.aws.amazon.com/sdk-for-java/latest/developer-guide/timeouts.html
 */
public final class AwsClients implements AutoCloseable {

  /**
   * Time bounds for every call of these clients.
   *
   * @param apiCall the whole call, retries included (ClientOverrideConfiguration.apiCallTimeout)
   * @param attempt one HTTP attempt (apiCallAttemptTimeout)
   * @param maxAttempts attempts per call, the first included (the standard retry strategy's)
   */
  public record Bounds(Duration apiCall, Duration attempt, int maxAttempts) {
    public Bounds {
      if (attempt.compareTo(apiCall) > 0 || maxAttempts < 1) {
        throw new IllegalArgumentException(
            "an attempt must fit in the call, and a call makes at least one attempt");
      }
    }
  }

  private final Map<String, String> env;
  private final SdkHttpClient http;
  private final Region region;
  private final AwsCredentialsProvider credentials;
  private final boolean staticCredentials;
  private volatile AwsCredentialsProvider resolver;
  private final Bounds bounds;
  private DynamoDbClient dynamoDb;
  private SqsClient sqs;
  private SecretsManagerClient secretsManager;

  private AwsClients(Map<String, String> env, Bounds bounds) {
    this.env = Map.copyOf(env);
    this.bounds = bounds;
    UrlConnectionHttpClient.Builder http = UrlConnectionHttpClient.builder();
    if (bounds != null) {
      // The attempt timeout aborts a stalled attempt; the socket timeouts make sure a stalled
      // connect or read ends even where an abort cannot reach it.
      http.connectionTimeout(bounds.attempt()).socketTimeout(bounds.attempt());
    }
    this.http = http.build();
    String regionName = firstOf("AWS_REGION", "AWS_DEFAULT_REGION");
    this.region = regionName == null ? Region.US_EAST_1 : Region.of(regionName);
    String key = env.get("AWS_ACCESS_KEY_ID");
    String secret = env.get("AWS_SECRET_ACCESS_KEY");
    this.staticCredentials = key != null && secret != null;
    this.resolver =
        staticCredentials
            ? StaticCredentialsProvider.create(
                env.get("AWS_SESSION_TOKEN") == null
                    ? AwsBasicCredentials.create(key, secret)
                    : software.amazon.awssdk.auth.credentials.AwsSessionCredentials.create(
                        key, secret, env.get("AWS_SESSION_TOKEN")))
            : DefaultCredentialsProvider.builder().build();
    // Every client asks the current resolver, so forgetCredentials() reaches the built clients.
    this.credentials = () -> resolver.resolveCredentials();
  }

  /**
   * Drops the credentials the default provider chain has cached, so the next call resolves them
   * anew: after a SnapStart restore, the copies of one snapshot must not share the credentials the
   * init resolved. Credentials given in the environment are kept.
   */
  public void forgetCredentials() {
    if (!staticCredentials) {
      AwsCredentialsProvider old = resolver;
      resolver = DefaultCredentialsProvider.builder().build();
      if (old instanceof AutoCloseable closeable) {
        try {
          closeable.close();
        } catch (Exception e) {
          // a provider that fails to close holds nothing the new one needs
        }
      }
    }
  }

  /** Clients configured from an environment map (System.getenv() at the entry points). */
  public static AwsClients fromEnv(Map<String, String> env) {
    return new AwsClients(env, null);
  }

  /**
   * Clients whose DynamoDB and SQS calls are bounded in time and attempts, and whose every read and
   * connect is bounded by the attempt bound (the intent function's).
   */
  public static AwsClients fromEnv(Map<String, String> env, Bounds bounds) {
    return new AwsClients(env, java.util.Objects.requireNonNull(bounds, "bounds"));
  }

  public synchronized DynamoDbClient dynamoDb() {
    if (dynamoDb == null) {
      dynamoDb = bounded(configure(DynamoDbClient.builder(), "AWS_ENDPOINT_URL_DYNAMODB")).build();
    }
    return dynamoDb;
  }

  public synchronized SqsClient sqs() {
    if (sqs == null) {
      sqs = bounded(configure(SqsClient.builder(), "AWS_ENDPOINT_URL_SQS")).build();
    }
    return sqs;
  }

  public synchronized SecretsManagerClient secretsManager() {
    if (secretsManager == null) {
      secretsManager =
          configure(SecretsManagerClient.builder(), "AWS_ENDPOINT_URL_SECRETS_MANAGER").build();
    }
    return secretsManager;
  }

  private <B extends AwsClientBuilder<B, ?>> B bounded(B builder) {
    if (bounds != null) {
      builder.overrideConfiguration(
          ClientOverrideConfiguration.builder()
              .apiCallTimeout(bounds.apiCall())
              .apiCallAttemptTimeout(bounds.attempt())
              // The first call of a cold client pays class loading and the first connection.
              .addExecutionInterceptor(new FirstCallAttemptTimeout(bounds.apiCall()))
              .retryStrategy(
                  AwsRetryStrategy.standardRetryStrategy().toBuilder()
                      .maxAttempts(bounds.maxAttempts())
                      .build())
              .build());
    }
    return builder;
  }

  private <B extends AwsClientBuilder<B, ?>> B configure(B builder, String serviceEndpointVar) {
    builder.region(region).credentialsProvider(credentials);
    if (builder
        instanceof software.amazon.awssdk.core.client.builder.SdkSyncClientBuilder<?, ?> sync) {
      sync.httpClient(http);
    }
    String endpoint = firstOf(serviceEndpointVar, "AWS_ENDPOINT_URL");
    if (endpoint != null) {
      builder.endpointOverride(URI.create(endpoint));
    }
    return builder;
  }

  private String firstOf(String... names) {
    for (String name : names) {
      String value = env.get(name);
      if (value != null && !value.isBlank()) {
        return value.strip();
      }
    }
    return null;
  }

  @Override
  public synchronized void close() {
    if (dynamoDb != null) {
      dynamoDb.close();
    }
    if (sqs != null) {
      sqs.close();
    }
    if (secretsManager != null) {
      secretsManager.close();
    }
    http.close();
  }
}
