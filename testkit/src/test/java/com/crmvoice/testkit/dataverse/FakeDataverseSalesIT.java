package com.crmvoice.testkit.dataverse;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The fake Dataverse's sales and calendar tables over raw HTTP, strict where the adapter relies on
 * it.
 */
class FakeDataverseSalesIT extends FakeDataverseHttpTest {

  private String opportunity(String name, LocalDate close) {
    Map<String, Object> row = new HashMap<>();
    row.put("_ownerid_value", FakeDataverse.DEMO_USER_ID);
    row.put("name", name);
    row.put("_customerid_value", dv.sales().insertAccount("Acme O'Brien"));
    row.put("salesstage", DvSales.salesStage("Propose"));
    row.put("estimatedvalue", new BigDecimal("42500.5"));
    row.put("estimatedclosedate", close);
    return dv.sales().insertOpportunity(row);
  }

  private static String q(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
  }

  @Test
  void opportunitiesExpandTheirAccountAndLabelTheirStage() throws Exception {
    String id = opportunity("Acme expansion", LocalDate.of(2026, 3, 1));

    HttpResponse<String> r =
        api(
            "GET",
            "opportunities?$select=name,salesstage,estimatedvalue,estimatedclosedate&$expand="
                + q("customerid_account($select=name)")
                + "&$filter="
                + q("estimatedclosedate le 2026-03-01 and statecode eq 0"),
            null,
            "Prefer",
            "odata.include-annotations=\"OData.Community.Display.V1.FormattedValue\"");

    assertThat(r.statusCode()).isEqualTo(200);
    JsonNode row = json(r).path("value").path(0);
    assertThat(row.path("opportunityid").asText()).isEqualTo(id);
    assertThat(row.path("customerid_account").path("name").asText()).isEqualTo("Acme O'Brien");
    assertThat(row.path("salesstage@OData.Community.Display.V1.FormattedValue").asText())
        .isEqualTo("Propose");
    assertThat(row.path("estimatedvalue").decimalValue()).isEqualByComparingTo("42500.5");
    assertThat(row.path("estimatedclosedate").asText()).isEqualTo("2026-03-01");
    HttpResponse<String> later =
        api(
            "GET",
            "opportunities?$select=name&$filter=" + q("estimatedclosedate lt 2026-03-01"),
            null);
    assertThat(json(later).path("value")).isEmpty();
  }

  @Test
  void anExpansionTheFakeDoesNotKnowIsA400WithTheErrorBody() throws Exception {
    HttpResponse<String> r =
        api("GET", "opportunities?$select=name&$expand=" + q("owninguser($select=fullname)"), null);

    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(json(r).path("error").path("code").asText()).isEqualTo("0x80060888");
    assertThat(json(r).path("error").path("message").asText()).contains("owninguser");
  }

  @Test
  void anUpdateWithAStaleEtagIs412AndClosingTakesAnAction() throws Exception {
    String id = opportunity("Acme expansion", LocalDate.of(2026, 3, 1));
    String etag =
        json(api("GET", "opportunities(" + id + ")?$select=name", null))
            .path("@odata.etag")
            .asText();
    dv.sales().updateOpportunity(id, Map.of("name", "Changed"));

    HttpResponse<String> stale =
        api(
            "PATCH",
            "opportunities(" + id + ")",
            "{\"estimatedvalue\":1}",
            "Content-Type",
            "application/json",
            "If-Match",
            etag);
    assertThat(stale.statusCode()).isEqualTo(412);
    assertThat(json(stale).path("error").path("code").asText()).isEqualTo("0x80060882");
    String fresh =
        json(api("GET", "opportunities(" + id + ")?$select=name", null))
            .path("@odata.etag")
            .asText();
    HttpResponse<String> ok =
        api(
            "PATCH",
            "opportunities(" + id + ")",
            "{\"estimatedvalue\":1,\"estimatedclosedate\":\"2026-04-01\"}",
            "Content-Type",
            "application/json",
            "If-Match",
            fresh);
    assertThat(ok.statusCode()).isEqualTo(204);
    assertThat(dv.sales().opportunity(id))
        .containsEntry("estimatedclosedate", LocalDate.of(2026, 4, 1));
    HttpResponse<String> close =
        api(
            "PATCH",
            "opportunities(" + id + ")",
            "{\"statecode\":1}",
            "Content-Type",
            "application/json");
    assertThat(close.statusCode()).isEqualTo(400);
    HttpResponse<String> badDate =
        api(
            "PATCH",
            "opportunities(" + id + ")",
            "{\"estimatedclosedate\":\"2026-04-01T00:00:00Z\"}",
            "Content-Type",
            "application/json");
    assertThat(badDate.statusCode()).isEqualTo(400);
    dv.sales().win(id, LocalDate.of(2026, 3, 2));
    HttpResponse<String> closed =
        api(
            "PATCH",
            "opportunities(" + id + ")",
            "{\"estimatedvalue\":2}",
            "Content-Type",
            "application/json");
    assertThat(closed.statusCode()).isEqualTo(400);
  }

  @Test
  void theSalesStageMetadataListsTheFourStages() throws Exception {
    HttpResponse<String> r =
        api(
            "GET",
            "EntityDefinitions(LogicalName='opportunity')/Attributes(LogicalName='salesstage')"
                + "/Microsoft.Dynamics.CRM.PicklistAttributeMetadata?$select=LogicalName",
            null);

    assertThat(r.statusCode()).isEqualTo(200);
    List<String> labels = new java.util.ArrayList<>();
    json(r)
        .path("OptionSet")
        .path("Options")
        .forEach(
            o -> labels.add(o.path("Label").path("UserLocalizedLabel").path("Label").asText()));
    assertThat(labels).containsExactly("Qualify", "Develop", "Propose", "Close");
  }

  @Test
  void aTaskIsCompletedWithItsStateAndStatusTogether() throws Exception {
    String task =
        dv.calendar()
            .insertTask(FakeDataverse.DEMO_USER_ID, null, "Send it", LocalDate.of(2026, 3, 1));

    HttpResponse<String> wrong =
        api(
            "PATCH",
            "tasks(" + task + ")",
            "{\"statecode\":1,\"statuscode\":2}",
            "Content-Type",
            "application/json");
    HttpResponse<String> done =
        api(
            "PATCH",
            "tasks(" + task + ")",
            "{\"statecode\":1,\"statuscode\":5}",
            "Content-Type",
            "application/json");
    HttpResponse<String> again =
        api(
            "PATCH",
            "tasks(" + task + ")",
            "{\"subject\":\"x\"}",
            "Content-Type",
            "application/json");

    assertThat(wrong.statusCode()).isEqualTo(400);
    assertThat(done.statusCode()).isEqualTo(204);
    assertThat(dv.calendar().task(task))
        .containsEntry("statecode", 1)
        .containsEntry("statuscode", 5);
    assertThat(again.statusCode()).isEqualTo(400);
  }

  @Test
  void theDemoHasTheSalesforceDemosPipelineAndDay() {
    dv.seedDemo();
    dv.seedDemoDay(java.time.ZoneOffset.UTC);

    List<Map<String, Object>> mine =
        dv.sales().opportunities().stream()
            .filter(o -> FakeDataverse.DEMO_USER_ID.equals(o.get("_ownerid_value")))
            .toList();
    assertThat(mine).filteredOn(o -> o.get("statecode").equals(0)).hasSize(5);
    assertThat(mine).filteredOn(o -> o.get("statecode").equals(1)).hasSize(1);
    assertThat(mine).filteredOn(o -> o.get("statecode").equals(2)).hasSize(1);
    assertThat(dv.calendar().appointments()).hasSize(5);
    assertThat(dv.tasks())
        .filteredOn(t -> FakeDataverse.DEMO_USER_ID.equals(t.get("_ownerid_value")))
        .hasSize(4);
    assertThat(dv.calendar().appointments().get(0).get("scheduledstart"))
        .isInstanceOf(Instant.class);
  }
}
