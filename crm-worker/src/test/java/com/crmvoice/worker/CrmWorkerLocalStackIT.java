package com.crmvoice.worker;

import com.crmvoice.testkit.aws.AwsTestEnvironment;
import com.crmvoice.testkit.aws.LocalStackAws;
import org.testcontainers.junit.jupiter.Testcontainers;

/** {@link CrmWorkerIT} against LocalStack (profile localstack; skipped without Docker). */
@Testcontainers(disabledWithoutDocker = true)
class CrmWorkerLocalStackIT extends CrmWorkerIT {

  @Override
  protected AwsTestEnvironment aws() {
    return LocalStackAws.shared();
  }
}
