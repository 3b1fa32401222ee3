package com.crmvoice.intent.notify;

import com.amazon.ask.response.ResponseBuilder;
import com.crmvoice.core.domain.Recipient;
import com.crmvoice.core.port.NotificationLog;
import com.crmvoice.core.port.StorageUnavailableException;
import com.crmvoice.intent.speech.Speech;
import java.util.List;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Asks for the notifications permission once per user: when a user who has not granted it gives a
 * command for the first time, the answer carries an AskForPermissionsConsent card and says so. The
 * notification log remembers that the skill asked, so a user who said no is never asked again.
 * https://developer.amazon.com/en-US/docs/alexa/smapi/proactive-events-api.html (the user grants
 * the permission in the Alexa app).
 */
public final class NotificationConsent implements Consumer<Recipient> {

  private static final Logger LOG = LoggerFactory.getLogger(NotificationConsent.class);

  /** The permission the manifest declares and the card asks for. */
  public static final String PERMISSION = "alexa::devices:all:notifications:write";

  private final NotificationLog notifications;

  public NotificationConsent(NotificationLog notifications) {
    this.notifications = notifications;
  }

  /** Called when a command's recipient was recorded: decides whether this answer asks. */
  @Override
  public void accept(Recipient recipient) {
    if (CurrentRecipient.INSTANCE.consented()) {
      return;
    }
    try {
      if (notifications.markConsentAsked(recipient.alexaUserId())) {
        CurrentRecipient.INSTANCE.cardDue();
      }
    } catch (StorageUnavailableException e) {
      // Asked next time instead; never twice for the same user once recorded.
      LOG.warn("consent not recorded: {}", e.getClass().getSimpleName());
    }
  }

  /**
   * Adds the permissions card to this answer when it is due, and answers the sentence that says so
   * (empty when not due).
   */
  public static String offer(Speech speech, ResponseBuilder response) {
    if (!CurrentRecipient.INSTANCE.isCardDue()) {
      return "";
    }
    response.withAskForPermissionsConsentCard(List.of(PERMISSION));
    return " " + speech.say("notify.consent");
  }
}
