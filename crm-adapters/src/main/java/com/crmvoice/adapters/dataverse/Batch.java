package com.crmvoice.adapters.dataverse;

import com.crmvoice.adapters.dataverse.DataverseHttp.Answer;
import com.crmvoice.core.port.CrmUnavailableException;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An OData {@code $batch} request body (multipart/mixed, one {@code application/http} part per
 * operation, CRLF line ends) and the parsing of its response into one {@link Answer} per operation,
 * change set responses flattened in order. Format:
 * https://learn.microsoft.com/power-apps/developer/data-platform/webapi/execute-batch-operations-using-web-api
 */
final class Batch {

  private static final String CRLF = "\r\n";
  private static final Pattern BOUNDARY = Pattern.compile("boundary=\"?([^\";]+)\"?");
  private static final Pattern STATUS_LINE = Pattern.compile("HTTP/1\\.1 (\\d{3})(?: .*)?");

  /**
   * One operation: {@code path} under the Web API root (entity set, key and options), a JSON body
   * or null, and its own headers (If-None-Match, If-Match, Prefer).
   */
  record Operation(String method, String path, JsonNode body, Map<String, String> headers) {}

  private final String boundary;
  private final String body;

  private Batch(String boundary, String body) {
    this.boundary = boundary;
    this.body = body;
  }

  static Batch of(String apiRoot, List<Operation> operations) {
    return ofGroups(apiRoot, operations.stream().map(List::of).toList());
  }

  /**
   * A batch of groups: a group of one is an independent operation, a larger one a change set (all
   * or nothing, its operations numbered by Content-ID).
   */
  static Batch ofGroups(String apiRoot, List<List<Operation>> groups) {
    String boundary = "batch_" + UUID.randomUUID();
    StringBuilder out = new StringBuilder();
    for (List<Operation> group : groups) {
      out.append("--").append(boundary).append(CRLF);
      if (group.size() == 1) {
        part(out, apiRoot, group.get(0), null);
        continue;
      }
      String changeSet = "changeset_" + UUID.randomUUID();
      out.append("Content-Type: multipart/mixed; boundary=\"").append(changeSet).append('"');
      out.append(CRLF).append(CRLF);
      for (int n = 0; n < group.size(); n++) {
        out.append("--").append(changeSet).append(CRLF);
        part(out, apiRoot, group.get(n), Integer.toString(n + 1));
      }
      out.append("--").append(changeSet).append("--").append(CRLF);
    }
    out.append("--").append(boundary).append("--").append(CRLF);
    return new Batch(boundary, out.toString());
  }

  private static void part(StringBuilder out, String apiRoot, Operation op, String contentId) {
    out.append("Content-Type: application/http").append(CRLF);
    out.append("Content-Transfer-Encoding: binary").append(CRLF);
    if (contentId != null) {
      out.append("Content-ID: ").append(contentId).append(CRLF);
    }
    out.append(CRLF);
    out.append(op.method()).append(' ').append(apiRoot).append('/').append(op.path());
    out.append(" HTTP/1.1").append(CRLF);
    op.headers().forEach((k, v) -> out.append(k).append(": ").append(v).append(CRLF));
    if (op.body() != null) {
      out.append("Content-Type: application/json; type=entry").append(CRLF).append(CRLF);
      out.append(op.body().toString()).append(CRLF);
    } else {
      out.append(CRLF);
    }
  }

  String contentType() {
    return "multipart/mixed; boundary=\"" + boundary + "\"";
  }

  String body() {
    return body;
  }

  /** The operations' answers, in order, from a batch response of this content type. */
  static List<Answer> parse(String contentType, String body) {
    List<Answer> answers = new ArrayList<>();
    parseGroups(contentType, body).forEach(answers::addAll);
    return answers;
  }

  /**
   * The answers by top-level part: a change set's answers together (one answer alone when the
   * change set failed: Dataverse then answers its failure only), an independent operation's alone.
   */
  static List<List<Answer>> parseGroups(String contentType, String body) {
    List<List<Answer>> groups = new ArrayList<>();
    parseInto(contentType, body == null ? "" : body, groups, null);
    return groups;
  }

  private static void parseInto(
      String contentType, String body, List<List<Answer>> groups, List<Answer> changeSet) {
    Matcher m = BOUNDARY.matcher(contentType == null ? "" : contentType);
    if (!m.find()) {
      throw new CrmUnavailableException(
          "UNEXPECTED_RESPONSE", "$batch response without a boundary");
    }
    String delimiter = "--" + m.group(1);
    String normalised = body.replace("\r\n", "\n");
    String[] parts = normalised.split(Pattern.quote(delimiter), -1);
    // parts[0] is the preamble; the part that starts with "--" is the epilogue after the end.
    for (int i = 1; i < parts.length; i++) {
      String part = parts[i];
      if (part.startsWith("--")) {
        break;
      }
      part = part.startsWith("\n") ? part.substring(1) : part;
      int headersEnd = part.indexOf("\n\n");
      String partHeaders = headersEnd < 0 ? part : part.substring(0, headersEnd);
      String rest = headersEnd < 0 ? "" : part.substring(headersEnd + 2);
      String partType = headerValue(partHeaders, "Content-Type");
      if (partType != null && partType.startsWith("multipart/mixed")) {
        List<Answer> nested = new ArrayList<>();
        parseInto(partType, rest, groups, nested);
        groups.add(nested);
      } else if (changeSet != null) {
        changeSet.add(httpResponse(rest));
      } else {
        groups.add(List.of(httpResponse(rest)));
      }
    }
  }

  private static Answer httpResponse(String text) {
    int headersEnd = text.indexOf("\n\n");
    String head = headersEnd < 0 ? text : text.substring(0, headersEnd);
    String content = headersEnd < 0 ? "" : text.substring(headersEnd + 2).strip();
    String[] lines = head.split("\n");
    Matcher status = STATUS_LINE.matcher(lines[0].strip());
    if (!status.matches()) {
      throw new CrmUnavailableException("UNEXPECTED_RESPONSE", "$batch part without a status line");
    }
    Map<String, String> headers = new LinkedHashMap<>();
    for (int i = 1; i < lines.length; i++) {
      int colon = lines[i].indexOf(':');
      if (colon > 0) {
        headers.put(lines[i].substring(0, colon).strip(), lines[i].substring(colon + 1).strip());
      }
    }
    return new Answer(
        Integer.parseInt(status.group(1)), headers, DataverseHttp.parse(content), content);
  }

  private static String headerValue(String headers, String name) {
    for (String line : headers.split("\n")) {
      int colon = line.indexOf(':');
      if (colon > 0 && line.substring(0, colon).strip().equalsIgnoreCase(name)) {
        return line.substring(colon + 1).strip();
      }
    }
    return null;
  }
}
