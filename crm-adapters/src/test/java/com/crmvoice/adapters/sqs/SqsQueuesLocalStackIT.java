package com.crmvoice.adapters.sqs;

import com.crmvoice.testkit.aws.AwsTestEnvironment;
import com.crmvoice.testkit.aws.LocalStackAws;
import org.testcontainers.junit.jupiter.Testcontainers;

/** {@link SqsQueuesIT} against LocalStack (profile localstack; skipped without Docker). */
@Testcontainers(disabledWithoutDocker = true)
class SqsQueuesLocalStackIT extends SqsQueuesIT {

  @Override
  protected AwsTestEnvironment aws() {
    return LocalStackAws.shared();
  }
}
