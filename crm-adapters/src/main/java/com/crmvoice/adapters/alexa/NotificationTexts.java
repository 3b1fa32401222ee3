package com.crmvoice.adapters.alexa;

import com.crmvoice.core.port.CalendarGateway;
import com.crmvoice.core.port.CrmGateway;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * The notification's words, per locale (bundles {@code notifications_<locale>.properties} beside
 * this class; en-US when the locale has none). A reason code picks the sentence: a conflict (the
 * record changed since the user heard it) asks the user to decide; anything else says the change
 * did not reach the CRM.
 */
final class NotificationTexts {

  static final String BUNDLE = "com.crmvoice.adapters.alexa.notifications";

  /** Reason codes meaning "the record changed; the user must decide", not "it failed". */
  static boolean needsUser(String reasonCode) {
    return reasonCode != null
        && (reasonCode.equals(CrmGateway.LEAD_CHANGED)
            || reasonCode.equals(CalendarGateway.TASK_CHANGED)
            || reasonCode.equals("RECORD_CHANGED")
            || reasonCode.equals("CONFLICT")
            || reasonCode.equals("VERSION_MISMATCH"));
  }

  String creator(String locale, String reasonCode, String subject) {
    ResourceBundle bundle = bundle(locale);
    String key = needsUser(reasonCode) ? "notify.needsUser" : "notify.failed";
    return bundle.getString(key).replace("{0}", subject);
  }

  private static ResourceBundle bundle(String locale) {
    Locale parsed = Locale.forLanguageTag(locale == null ? "en-US" : locale);
    try {
      return ResourceBundle.getBundle(
          BUNDLE,
          parsed,
          ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    } catch (MissingResourceException e) {
      return ResourceBundle.getBundle(BUNDLE, Locale.US);
    }
  }
}
