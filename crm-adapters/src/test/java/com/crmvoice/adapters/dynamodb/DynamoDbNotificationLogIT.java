package com.crmvoice.adapters.dynamodb;

import com.crmvoice.adapters.aws.LocalAws;
import com.crmvoice.adapters.aws.ResourceDefinitions;
import com.crmvoice.core.contract.NotificationLogContract;
import com.crmvoice.testkit.aws.EmbeddedAws;
import java.time.Duration;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** The NotificationLog contract against DynamoDB Local, on the commands table. */
class DynamoDbNotificationLogIT extends NotificationLogContract {

  private final DynamoDbClient dynamoDb = LocalAws.clients(EmbeddedAws.shared()).dynamoDb();

  @Override
  protected Logs newLogs() {
    String table = EmbeddedAws.shared().freshName("commands");
    ResourceDefinitions.createCommandsTable(dynamoDb, table);
    return new Logs(
        new DynamoDbCommandLog(dynamoDb, table, Duration.ofDays(30)),
        new DynamoDbNotificationLog(dynamoDb, table));
  }
}
