package com.crmvoice.intent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import com.crmvoice.adapters.aws.AwsClients;
import com.crmvoice.adapters.aws.ResourceDefinitions;
import com.crmvoice.adapters.dynamodb.DynamoDbLeadCache;
import com.crmvoice.core.config.CacheConfig;
import com.crmvoice.core.config.EnvironmentReader;
import com.crmvoice.core.domain.Lead;
import com.crmvoice.core.domain.LeadDigest;
import com.crmvoice.testkit.alexa.AlexaRequests;
import com.crmvoice.testkit.aws.EmbeddedAws;
import com.crmvoice.testkit.aws.FakeSecretsManager;
import com.crmvoice.testkit.salesforce.FakeSalesforce;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The first {@code sam deploy}: the stack creates the Salesforce secret blank and, with SnapStart,
 * Lambda runs the intent function's init while it publishes the version. The init must succeed
 * against the blank secret (else the stack rolls back, secret included); the skill then says it is
 * not configured yet wherever it needs Salesforce, and answers everything else. Once the secret is
 * filled in, a fresh container (and a warm one) works.
 */
class FirstDeployIT {

  private static final String OWNER = "005FIRSTDEPLOY01AAA";
  private static final String USER = "amzn1.ask.account.FIRSTDEPLOY";
  private static final String SECRET_ARN =
      "arn:aws:secretsmanager:us-east-1:000000000000:secret:crm-voice-salesforce-AbCdEf";

  /** template.yaml's SalesforceSecret.SecretString. */
  private static final String BLANK_SECRET =
      "{\"SALESFORCE_CLIENT_ID\":\"\",\"SALESFORCE_USERNAME\":\"\",\"SALESFORCE_PRIVATE_KEY\":\"\"}";

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final EmbeddedAws AWS = EmbeddedAws.shared();
  private static FakeSecretsManager secrets;
  private static FakeSalesforce salesforce;
  private static AwsClients clients;
  private static final Map<String, String> ENV = new HashMap<>();

  @BeforeAll
  static void start() {
    secrets = FakeSecretsManager.start();
    salesforce = FakeSalesforce.start();
    clients = AwsClients.fromEnv(AWS.env());
    String leads = EmbeddedAws.uniqueName("leads");
    String commands = EmbeddedAws.uniqueName("commands");
    ResourceDefinitions.createLeadsTable(clients.dynamoDb(), leads);
    ResourceDefinitions.createCommandsTable(clients.dynamoDb(), commands);
    ENV.putAll(AWS.env());
    ENV.put("AWS_ENDPOINT_URL_SECRETS_MANAGER", secrets.endpoint().toString());
    ENV.put("SKILL_ID", AlexaRequests.DEFAULT_SKILL_ID);
    ENV.put("LEADS_TABLE", leads);
    ENV.put("COMMANDS_TABLE", commands);
    ENV.put(
        "COMMAND_QUEUE_URL",
        clients.sqs().createQueue(r -> r.queueName(EmbeddedAws.uniqueName("cmd"))).queueUrl());
    ENV.put(
        "REFRESH_QUEUE_URL",
        clients.sqs().createQueue(r -> r.queueName(EmbeddedAws.uniqueName("ref"))).queueUrl());
    ENV.put("IDENTITY_MODE", "single-user");
    ENV.put("SINGLE_USER_OWNER_ID", OWNER);
    ENV.put("ALLOWED_ALEXA_USER_IDS", USER);
    // What template.yaml sets in the environment; the credentials are in the secret only.
    ENV.put("SALESFORCE_SECRET_ARN", SECRET_ARN);
    ENV.put("SALESFORCE_LOGIN_URL", salesforce.baseUrl().toString());
    ENV.put("SALESFORCE_AUTH_FLOW", "client-credentials");
    ENV.put("SALESFORCE_TIMEOUT_MS", "3000");
  }

  @AfterAll
  static void stop() {
    salesforce.close();
    secrets.close();
    clients.close();
  }

  @Test
  void initialisesAgainstTheBlankSecret_andAnswersWithValidEnvelopes_untilTheSecretIsFilled() {
    secrets.put(SECRET_ARN, BLANK_SECRET);
    salesforce.insertLead(
        Map.of("OwnerId", OWNER, "FirstName", "Grace", "LastName", "Hopper", "Company", "Navy"));

    IntentStreamHandler[] handler = new IntentStreamHandler[1];
    assertThatCode(() -> handler[0] = new IntentStreamHandler(ENV)).doesNotThrowAnyException();

    JsonNode launch = ResponseEnvelopes.invoke(handler[0], AlexaRequests.launch().userId(USER));
    ResponseEnvelopes.assertValidEnvelope(launch);
    assertThat(ResponseEnvelopes.speech(launch)).contains("Welcome");

    // A cache miss needs Salesforce: the skill says it is not configured yet.
    JsonNode miss =
        ResponseEnvelopes.invoke(handler[0], AlexaRequests.intent("GetTopLeadIntent").userId(USER));
    ResponseEnvelopes.assertValidEnvelope(miss);
    assertThat(ResponseEnvelopes.speech(miss)).contains("not configured yet");
    assertThat(miss.at("/response/shouldEndSession").asBoolean()).isTrue();

    // A cache hit needs no Salesforce.
    Lead cached =
        new Lead(
            "00QFIRSTDEPLOY1AAA",
            OWNER,
            "Ada",
            "Lovelace",
            "Engines",
            null,
            null,
            "Open",
            Instant.parse("2026-01-01T00:00:00Z"));
    DynamoDbLeadCache cache =
        new DynamoDbLeadCache(
            clients.dynamoDb(),
            ENV.get("LEADS_TABLE"),
            CacheConfig.fromEnv(EnvironmentReader.of(ENV)),
            Clock.systemUTC());
    cache.replaceOwnerLeads(OWNER, List.of(cached), LeadDigest.of(List.of(cached)), Instant.now());
    JsonNode hit =
        ResponseEnvelopes.invoke(handler[0], AlexaRequests.intent("GetTopLeadIntent").userId(USER));
    ResponseEnvelopes.assertValidEnvelope(hit);
    assertThat(ResponseEnvelopes.speech(hit)).contains("Ada Lovelace from Engines");

    // The administrator fills in the secret: a fresh container works, and so does the warm one.
    secrets.put(SECRET_ARN, filledSecret());
    IntentStreamHandler fresh = new IntentStreamHandler(ENV);
    clearCache(cache);
    JsonNode freshAnswer =
        ResponseEnvelopes.invoke(fresh, AlexaRequests.intent("GetTopLeadIntent").userId(USER));
    ResponseEnvelopes.assertValidEnvelope(freshAnswer);
    assertThat(ResponseEnvelopes.speech(freshAnswer)).contains("Grace Hopper from Navy");

    clearCache(cache);
    JsonNode warmAnswer =
        ResponseEnvelopes.invoke(handler[0], AlexaRequests.intent("GetTopLeadIntent").userId(USER));
    assertThat(ResponseEnvelopes.speech(warmAnswer)).contains("Grace Hopper from Navy");
  }

  private static void clearCache(DynamoDbLeadCache cache) {
    // Forget the owner entirely, so the next GetTopLead is a cache miss again.
    clients
        .dynamoDb()
        .query(
            q ->
                q.tableName(ENV.get("LEADS_TABLE"))
                    .keyConditionExpression("ownerId = :o")
                    .expressionAttributeValues(Map.of(":o", AttributeValue.fromS(OWNER))))
        .items()
        .forEach(
            item ->
                clients
                    .dynamoDb()
                    .deleteItem(
                        d ->
                            d.tableName(ENV.get("LEADS_TABLE"))
                                .key(
                                    Map.of("ownerId", item.get("ownerId"), "sk", item.get("sk")))));
  }

  private static String filledSecret() {
    Map<String, String> credentials = new HashMap<>(salesforce.clientCredentialsEnv());
    credentials.remove("SALESFORCE_LOGIN_URL");
    credentials.remove("SALESFORCE_AUTH_FLOW");
    try {
      return JSON.writeValueAsString(credentials);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
