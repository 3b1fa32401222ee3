package com.crmvoice.testkit.dataverse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.Map;

/** One Web API response: status, headers and body, and the Dataverse error body. */
record DvResponse(int status, Map<String, String> headers, String body) {

  static final ObjectMapper JSON = new ObjectMapper();

  static DvResponse json(int status, JsonNode body) {
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("Content-Type", "application/json; odata.metadata=minimal");
    headers.put("OData-Version", "4.0");
    return new DvResponse(status, headers, body.toString());
  }

  static DvResponse noContent() {
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("OData-Version", "4.0");
    return new DvResponse(204, headers, "");
  }

  /** Dataverse's error body: {@code {"error":{"code":"0x…","message":"…"}}}. */
  static DvResponse error(int status, String code, String message) {
    ObjectNode body = JSON.createObjectNode();
    body.putObject("error").put("code", code).put("message", message);
    return json(status, body);
  }

  DvResponse with(String header, String value) {
    Map<String, String> h = new LinkedHashMap<>(headers);
    h.put(header, value);
    return new DvResponse(status, h, body);
  }

  boolean ok() {
    return status >= 200 && status < 300;
  }
}
