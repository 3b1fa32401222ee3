package com.crmvoice.intent.settings;

import static org.assertj.core.api.Assertions.assertThat;

import com.crmvoice.core.fakes.MutableClock;
import com.crmvoice.testkit.alexa.FakeAlexaApi;
import java.net.http.HttpClient;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The device's time zone from the fake Alexa settings API, which is as strict as the real one. */
class AlexaSettingsTimeZonesIT {

  private static final String DEVICE = "amzn1.ask.device.KITCHEN";
  private static final ZoneId FALLBACK = ZoneId.of("UTC");

  private final FakeAlexaApi alexa = FakeAlexaApi.start();
  private final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T09:00:00Z"));
  private final AlexaSettingsTimeZones zones =
      new AlexaSettingsTimeZones(
          HttpClient.newHttpClient(), Duration.ofMillis(300), FALLBACK, clock);

  @AfterEach
  void stop() {
    alexa.close();
  }

  private String endpoint() {
    return alexa.endpoint().toString();
  }

  @Test
  void asksTheSettingsApiWithTheRequestsTokenOnce_perDevice() {
    alexa.timeZone(DEVICE, "America/Los_Angeles", "api-token");
    alexa.timeZone("amzn1.ask.device.CAR", "Europe/Berlin", "api-token");

    ZoneId first = zones.zone(endpoint(), "api-token", DEVICE);
    ZoneId again = zones.zone(endpoint(), "api-token", DEVICE);
    ZoneId other = zones.zone(endpoint() + "/", "api-token", "amzn1.ask.device.CAR");

    assertThat(first).isEqualTo(ZoneId.of("America/Los_Angeles"));
    assertThat(again).isEqualTo(first);
    assertThat(other).isEqualTo(ZoneId.of("Europe/Berlin"));
    assertThat(alexa.calls())
        .extracting(
            FakeAlexaApi.Call::method, FakeAlexaApi.Call::path, FakeAlexaApi.Call::authorization)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                "GET", "/v2/devices/" + DEVICE + "/settings/System.timeZone", "Bearer api-token"),
            org.assertj.core.groups.Tuple.tuple(
                "GET",
                "/v2/devices/amzn1.ask.device.CAR/settings/System.timeZone",
                "Bearer api-token"));
  }

  @Test
  void aZoneIsAskedAgainAfterAnHour() {
    alexa.timeZone(DEVICE, "America/Los_Angeles", "api-token");
    zones.zone(endpoint(), "api-token", DEVICE);
    alexa.timeZone(DEVICE, "America/New_York", "api-token");

    clock.advance(Duration.ofMinutes(61));

    assertThat(zones.zone(endpoint(), "api-token", DEVICE))
        .isEqualTo(ZoneId.of("America/New_York"));
    assertThat(alexa.calls()).hasSize(2);
  }

  @Test
  void aRefusedTokenOrADeviceWithoutAZoneIsTheDefault_askedAgainAfterAMinute() {
    alexa.timeZone(DEVICE, "America/Los_Angeles", "api-token");

    assertThat(zones.zone(endpoint(), "someone-elses-token", DEVICE)).isEqualTo(FALLBACK);
    assertThat(zones.zone(endpoint(), "api-token", "amzn1.ask.device.NONE")).isEqualTo(FALLBACK);
    assertThat(zones.zone(endpoint(), "api-token", DEVICE)).isEqualTo(FALLBACK);
    assertThat(alexa.calls()).hasSize(2);

    clock.advance(Duration.ofSeconds(61));

    assertThat(zones.zone(endpoint(), "api-token", DEVICE))
        .isEqualTo(ZoneId.of("America/Los_Angeles"));
  }

  @Test
  void aSlowAnswerIsNotWaitedFor_theDefaultIsUsed() {
    alexa.timeZone(DEVICE, "America/Los_Angeles", "api-token");
    alexa.delay(Duration.ofSeconds(2));

    assertThat(zones.zone(endpoint(), "api-token", DEVICE)).isEqualTo(FALLBACK);
  }

  @Test
  void withoutAnEndpointATokenOrADeviceNothingIsAsked() {
    assertThat(zones.zone(null, "api-token", DEVICE)).isEqualTo(FALLBACK);
    assertThat(zones.zone(endpoint(), null, DEVICE)).isEqualTo(FALLBACK);
    assertThat(zones.zone(endpoint(), "api-token", null)).isEqualTo(FALLBACK);
    assertThat(zones.zone(endpoint(), "api-token", "../../v1/directives")).isEqualTo(FALLBACK);
    assertThat(alexa.calls()).isEmpty();
  }
}
