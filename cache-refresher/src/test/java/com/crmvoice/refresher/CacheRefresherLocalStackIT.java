package com.crmvoice.refresher;

import com.crmvoice.testkit.aws.AwsTestEnvironment;
import com.crmvoice.testkit.aws.LocalStackAws;
import org.testcontainers.junit.jupiter.Testcontainers;

/** {@link CacheRefresherIT} against LocalStack (profile localstack; skipped without Docker). */
@Testcontainers(disabledWithoutDocker = true)
class CacheRefresherLocalStackIT extends CacheRefresherIT {

  @Override
  protected AwsTestEnvironment aws() {
    return LocalStackAws.shared();
  }
}
