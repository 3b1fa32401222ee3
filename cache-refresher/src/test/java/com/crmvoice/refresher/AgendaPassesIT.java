package com.crmvoice.refresher;

import static org.assertj.core.api.Assertions.assertThat;

import com.crmvoice.adapters.dynamodb.DynamoDbAgendaCache;
import com.crmvoice.core.domain.CalendarEvent;
import com.crmvoice.core.domain.LeadArrival;
import com.crmvoice.core.domain.OpenTask;
import com.crmvoice.core.port.AgendaCache.Snapshot;
import com.crmvoice.testkit.salesforce.FakeSalesforce;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The agenda passes as the schedules invoke them: the demo user's meetings, open tasks and new
 * leads from the fake Salesforce into the agenda cache in DynamoDB Local, written only when they
 * changed.
 */
class AgendaPassesIT {

  private final RefresherStack stack = new RefresherStack(Map.of());
  private final DynamoDbAgendaCache agendas =
      new DynamoDbAgendaCache(
          stack.clients.dynamoDb(), stack.leadsTable, Duration.ofHours(72), Clock.systemUTC());

  @AfterEach
  void close() {
    stack.close();
  }

  private Snapshot.Known demo() {
    return (Snapshot.Known) agendas.agenda(FakeSalesforce.DEMO_USER_ID);
  }

  @Test
  void theFullPassCachesTheDemoDayAndASecondOneWritesNothing() {
    stack.salesforce.seedDemo();
    stack.salesforce.seedDemoDay(ZoneOffset.UTC);

    JsonNode first = stack.pass("agenda-full");

    assertThat(first.path("pass").asText()).isEqualTo("agenda-full");
    assertThat(demo().agenda().events())
        .extracting(CalendarEvent::subject)
        .containsExactly(
            "Discovery call",
            "Pipeline review",
            "Product demo",
            "Contract questions",
            "Proposal review");
    assertThat(demo().agenda().events().get(2).with()).containsExactly("Wei Chen", "Jonas Weber");
    assertThat(demo().agenda().tasks())
        .extracting(OpenTask::subject)
        .containsExactly(
            "Prepare the quarterly forecast", "Call back about pricing", "Send the proposal");
    assertThat(demo().agenda().newLeads()).extracting(LeadArrival::name).contains("Sam Taylor");

    JsonNode second = stack.pass("agenda-full");
    assertThat(second.path("itemsWritten").asInt()).isZero();
    assertThat(second.path("ownersSeen").asInt()).isEqualTo(first.path("ownersSeen").asInt());
  }

  @Test
  void theIncrementalPassFollowsANewMeetingAndADeletedOne() {
    stack.salesforce.seedDemo();
    stack.salesforce.seedDemoDay(ZoneOffset.UTC);
    stack.pass("agenda-full");
    Instant soon = Instant.now().plus(Duration.ofHours(2));
    String added =
        stack.salesforce.insertEvent(
            FakeSalesforce.DEMO_USER_ID, "Coffee with Wei", soon, null, null, List.of());
    String gone = demo().agenda().events().get(0).id();
    stack.salesforce.deleteEvent(gone);

    JsonNode pass = stack.pass("agenda-incremental");

    assertThat(pass.path("ownersChanged").asInt()).isEqualTo(1);
    assertThat(demo().agenda().events())
        .extracting(CalendarEvent::id)
        .contains(added)
        .doesNotContain(gone);
    JsonNode quiet = stack.pass("agenda-incremental");
    assertThat(quiet.path("itemsWritten").asInt()).isZero();
  }
}
