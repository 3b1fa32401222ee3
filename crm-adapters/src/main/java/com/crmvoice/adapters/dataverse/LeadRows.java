package com.crmvoice.adapters.dataverse;

import com.crmvoice.core.domain.Lead;
import com.crmvoice.core.domain.LeadChange;
import com.crmvoice.core.domain.NewLead;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;

/**
 * Lead rows as the Web API answers them ({@code _ownerid_value} for the owner, the statuscode's
 * label in its FormattedValue annotation) and the body of a lead create.
 */
final class LeadRows {

  private LeadRows() {}

  static final String ENTITY_SET = "leads";
  static final String SELECT =
      "leadid,_ownerid_value,firstname,lastname,companyname,emailaddress1,telephone1,"
          + "statecode,statuscode,createdon,modifiedon";

  /** statecode of an open lead (1 is Qualified, 2 Disqualified). */
  static final int OPEN = 0;

  static final String FORMATTED = "@OData.Community.Display.V1.FormattedValue";

  static Lead toLead(JsonNode row) {
    return new Lead(
        row.path("leadid").asText(),
        row.path("_ownerid_value").asText(),
        text(row, "firstname"),
        text(row, "lastname"),
        text(row, "companyname"),
        text(row, "emailaddress1"),
        text(row, "telephone1"),
        status(row),
        Instant.parse(row.path("createdon").asText()),
        row.hasNonNull("modifiedon") ? Instant.parse(row.get("modifiedon").asText()) : null);
  }

  static LeadChange toChange(JsonNode row) {
    Lead lead = toLead(row);
    boolean open = row.path("statecode").asInt(-1) == OPEN;
    return new LeadChange(
        lead, open, lead.lastModifiedAt() == null ? lead.createdAt() : lead.lastModifiedAt());
  }

  /** The status as users see it: the statuscode's label, or its number when no label came. */
  static String status(JsonNode row) {
    JsonNode label = row.get("statuscode" + FORMATTED);
    if (label != null && !label.isNull()) {
      return label.asText();
    }
    return row.hasNonNull("statuscode") ? row.get("statuscode").asText() : null;
  }

  /** The body of a lead create for {@code owner}: topic, name, company, email, phone, owner. */
  static ObjectNode createBody(String ownerId, NewLead lead) {
    ObjectNode body = DataverseHttp.JSON.createObjectNode();
    // Topic (subject) is what Dynamics lists leads by; the name and company say who it is.
    String topic =
        lead.company() == null ? lead.fullName() : lead.fullName() + ", " + lead.company();
    body.put("subject", truncate(topic, SUBJECT_MAX));
    putIfPresent(body, "firstname", lead.firstName());
    body.put("lastname", lead.lastName());
    putIfPresent(body, "companyname", lead.company());
    putIfPresent(body, "emailaddress1", lead.email());
    putIfPresent(body, "telephone1", lead.phone());
    body.put("ownerid@odata.bind", "/" + OData.byId("systemusers", ownerId));
    return body;
  }

  /** lead.subject holds 300 characters. */
  static final int SUBJECT_MAX = 300;

  static String truncate(String text, int max) {
    return text.codePointCount(0, text.length()) <= max
        ? text
        : text.substring(0, text.offsetByCodePoints(0, max));
  }

  static void putIfPresent(ObjectNode node, String field, String value) {
    if (value != null) {
      node.put(field, value);
    }
  }

  private static String text(JsonNode row, String field) {
    JsonNode value = row.get(field);
    return value == null || value.isNull() ? null : value.asText();
  }
}
