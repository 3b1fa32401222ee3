package com.crmvoice.refresher;

/**
 * The Input JSON that the refresher's EventBridge Scheduler schedules deliver as the event, as it
 * is: {@code {"pass":"full"}} or {@code {"pass":"incremental"}} (template.yaml, {@code
 * Target.Input}; <a
 * href="https://docs.aws.amazon.com/scheduler/latest/APIReference/API_Target.html">API_Target</a>).
 * A bean rather than a record so that the Lambda runtime's serializer, and aws-lambda-java-tests'
 * EventLoader which uses it, can fill it.
 */
public final class ScheduleInput {

  private String pass;

  public ScheduleInput() {}

  public ScheduleInput(String pass) {
    this.pass = pass;
  }

  public String getPass() {
    return pass;
  }

  public void setPass(String pass) {
    this.pass = pass;
  }
}
