package com.crmvoice.deployment;

import com.crmvoice.core.config.FunctionEnvironments.FunctionEnvironment;
import java.util.Map;

/**
 * The Lambda handler of each function as template.yaml names it (class::method). Kept with the
 * template's tests rather than in crm-core, which knows no handler; the tests find each function in
 * the template by it and check that the class exists in the module whose jar the function runs.
 */
final class FunctionHandlers {

  private FunctionHandlers() {}

  private static final Map<String, String> BY_FUNCTION =
      Map.of(
          "intent", "com.crmvoice.intent.IntentStreamHandler::handleRequest",
          "worker", "com.crmvoice.worker.CrmWorkerHandler::handleRequest",
          "refresher", "com.crmvoice.refresher.CacheRefresherHandler::handleRequest",
          "notifier", "com.crmvoice.worker.NotificationWorkerHandler::handleRequest");

  /** The handler as Lambda names it: class::method. */
  static String handler(FunctionEnvironment function) {
    String handler = BY_FUNCTION.get(function.name());
    if (handler == null) {
      throw new IllegalArgumentException(
          "no handler known for the " + function.name() + " function");
    }
    return handler;
  }

  /** The handler's class name, without the method. */
  static String handlerClass(FunctionEnvironment function) {
    String handler = handler(function);
    int split = handler.indexOf("::");
    return split < 0 ? handler : handler.substring(0, split);
  }
}
