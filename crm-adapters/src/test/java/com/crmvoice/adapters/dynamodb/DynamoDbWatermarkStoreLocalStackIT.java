package com.crmvoice.adapters.dynamodb;

import com.crmvoice.testkit.aws.AwsTestEnvironment;
import com.crmvoice.testkit.aws.LocalStackAws;
import org.testcontainers.junit.jupiter.Testcontainers;

/**
 * {@link DynamoDbWatermarkStoreIT} against LocalStack (profile localstack; skipped without Docker).
 */
@Testcontainers(disabledWithoutDocker = true)
class DynamoDbWatermarkStoreLocalStackIT extends DynamoDbWatermarkStoreIT {

  @Override
  protected AwsTestEnvironment aws() {
    return LocalStackAws.shared();
  }
}
