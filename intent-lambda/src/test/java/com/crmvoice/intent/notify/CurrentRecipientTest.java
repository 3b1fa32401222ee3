package com.crmvoice.intent.notify;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazon.ask.model.Context;
import com.amazon.ask.model.LaunchRequest;
import com.amazon.ask.model.RequestEnvelope;
import com.amazon.ask.model.User;
import com.amazon.ask.model.interfaces.system.SystemState;
import com.crmvoice.core.domain.Recipient;
import org.junit.jupiter.api.Test;

class CurrentRecipientTest {

  private static RequestEnvelope envelope(String userId, String locale, String apiEndpoint) {
    return RequestEnvelope.builder()
        .withRequest(LaunchRequest.builder().withRequestId("r1").withLocale(locale).build())
        .withContext(
            Context.builder()
                .withSystem(
                    SystemState.builder()
                        .withUser(User.builder().withUserId(userId).build())
                        .withApiEndpoint(apiEndpoint)
                        .build())
                .build())
        .build();
  }

  @Test
  void takesTheUserTheLocaleAndTheRegionOfTheApiEndpoint() {
    assertThat(
            CurrentRecipient.of(
                envelope("amzn1.ask.account.ADA", "de-DE", "https://api.eu.amazonalexa.com")))
        .contains(new Recipient("amzn1.ask.account.ADA", "de-DE", "EU"));
    assertThat(
            CurrentRecipient.of(
                envelope("amzn1.ask.account.BOB", "en-US", "https://api.amazonalexa.com")))
        .contains(new Recipient("amzn1.ask.account.BOB", "en-US", "NA"));
    assertThat(
            CurrentRecipient.of(
                envelope("amzn1.ask.account.KEN", "en-GB", "https://api.fe.amazonalexa.com")))
        .map(Recipient::region)
        .contains("FE");
  }

  @Test
  void isEmpty_withoutAUser() {
    assertThat(CurrentRecipient.of(envelope(null, "en-US", "https://api.amazonalexa.com")))
        .isEmpty();
    assertThat(CurrentRecipient.of(RequestEnvelope.builder().build())).isEmpty();
  }
}
