package com.crmvoice.testkit.dataverse;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The unbound actions that close an opportunity: {@code POST WinOpportunity} and {@code POST
 * LoseOpportunity} with {@code {"Status": <statuscode>, "OpportunityClose": {"subject",
 * "opportunityid@odata.bind", "actualrevenue", "actualend"}}}, 204 when done. Refused as Dataverse
 * refuses: a missing or unbound OpportunityClose (400), an opportunity that does not exist (404) or
 * is not open (400), a Status that is not a status reason of the Won (1) or Lost (2) state (400).
 * The opportunityclose activity itself is not kept.
 */
final class OpportunityActions {

  private static final Pattern BIND = Pattern.compile("/?opportunities\\(([0-9a-fA-F-]{36})\\)");

  private final FakeDataverse fake;
  private final Schema schema;
  private final Clock clock;

  OpportunityActions(FakeDataverse fake, Schema schema, Clock clock) {
    this.fake = fake;
    this.schema = schema;
    this.clock = clock;
  }

  DvResponse close(boolean win, DvRequest request) {
    JsonNode body;
    try {
      body = DvResponse.JSON.readTree(request.body() == null ? "" : request.body());
    } catch (Exception e) {
      body = null;
    }
    if (body == null || !body.path("OpportunityClose").isObject()) {
      return DvResponse.error(400, "0x80040203", "Required field 'OpportunityClose' is missing.");
    }
    JsonNode activity = body.get("OpportunityClose");
    Matcher m = BIND.matcher(activity.path("opportunityid@odata.bind").asText(""));
    if (!m.matches()) {
      return DvResponse.error(
          400, "0x80040203", "The opportunity close activity must be bound to an opportunity.");
    }
    String id = m.group(1).toLowerCase();
    Map<String, Object> row = schema.opportunities.row(id);
    if (row == null) {
      return DvResponse.error(404, "0x80040217", "opportunity With Id = " + id + " Does Not Exist");
    }
    if (((Number) row.get("statecode")).intValue() != 0) {
      return DvResponse.error(400, "0x80040203", "The opportunity is already closed.");
    }
    int state = win ? 1 : 2;
    Schema.StatusOption status =
        body.path("Status").isIntegralNumber()
            ? Schema.option(Schema.OPPORTUNITY_STATUSES, body.get("Status").asInt())
            : null;
    if (status == null || status.state() != state) {
      return DvResponse.error(
          400,
          "0x80040203",
          body.path("Status").asText() + " is not a valid status code for state code " + state);
    }
    Map<String, Object> values = new HashMap<>();
    values.put("statecode", state);
    values.put("statuscode", status.value());
    try {
      values.put(
          "actualclosedate",
          activity.hasNonNull("actualend")
              ? LocalDate.parse(activity.get("actualend").asText().substring(0, 10))
              : LocalDate.now(clock.withZone(ZoneOffset.UTC)));
    } catch (RuntimeException e) {
      return DvResponse.error(
          400, "0x80060888", "Cannot convert the literal to the expected type 'Edm.Date'.");
    }
    BigDecimal revenue =
        activity.hasNonNull("actualrevenue") ? activity.get("actualrevenue").decimalValue() : null;
    values.put(
        "actualvalue", win ? (revenue != null ? revenue : row.get("estimatedvalue")) : revenue);
    schema.opportunities.update(id, values);
    fake.appliedUpdate(schema.opportunities, id);
    return DvResponse.noContent();
  }
}
