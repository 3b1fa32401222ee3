package com.crmvoice.testkit.dataverse;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code POST $batch}: a multipart/mixed body of {@code application/http} parts (at most 1,000
 * operations, no nested batch), each run in order through the same resources as a direct request; a
 * change set (a nested multipart/mixed) is all or nothing and may not hold a GET. Without {@code
 * Prefer: odata.continue-on-error} the first failing operation ends the batch and the batch answers
 * with its status; with it the batch answers 200 and every operation's response. The response is
 * multipart/mixed with a {@code batchresponse_} boundary (change sets as {@code
 * changesetresponse_}).
 */
final class BatchResource {

  static final int MAX_OPERATIONS = 1000;
  private static final Pattern BOUNDARY = Pattern.compile("boundary=\"?([^\";]+)\"?");
  private static final Pattern REQUEST_LINE = Pattern.compile("([A-Z]+) (\\S+) HTTP/1\\.1");

  /** An operation, or a change set of them. */
  private record Item(DvRequest request, List<DvRequest> changeSet) {}

  private final String apiPath;
  private final Function<DvRequest, DvResponse> dispatcher;
  private final Runnable begin;
  private final Function<Boolean, Void> end;

  /**
   * @param apiPath the Web API's path, /api/data/v9.2, under which operation URLs must lie
   * @param dispatcher runs one operation
   * @param begin takes a snapshot before a change set; {@code end.apply(false)} rolls back to it
   */
  BatchResource(
      String apiPath,
      Function<DvRequest, DvResponse> dispatcher,
      Runnable begin,
      Function<Boolean, Void> end) {
    this.apiPath = apiPath;
    this.dispatcher = dispatcher;
    this.begin = begin;
    this.end = end;
  }

  DvResponse batch(DvRequest request) {
    if (!request.method().equals("POST")) {
      return DvResponse.error(405, "0x80060888", "$batch takes POST only.");
    }
    List<Item> items = new ArrayList<>();
    DvResponse bad =
        parse(request.header("Content-Type"), request.body(), request.userId(), items, false);
    if (bad != null) {
      return bad;
    }
    int operations =
        items.stream().mapToInt(i -> i.changeSet() == null ? 1 : i.changeSet().size()).sum();
    if (operations > MAX_OPERATIONS) {
      return DvResponse.error(400, "0x8004800d", "The batch holds more than 1000 operations.");
    }
    boolean continueOnError = request.prefers("odata.continue-on-error");
    String boundary = "batchresponse_" + UUID.randomUUID();
    StringBuilder out = new StringBuilder();
    int status = 200;
    for (Item item : items) {
      if (item.changeSet() == null) {
        DvResponse response = dispatcher.apply(item.request());
        part(out, boundary, response, null);
        if (!response.ok() && !continueOnError) {
          status = response.status();
          break;
        }
        continue;
      }
      begin.run();
      List<DvResponse> responses = new ArrayList<>();
      DvResponse failed = null;
      for (DvRequest op : item.changeSet()) {
        DvResponse response = dispatcher.apply(op);
        if (!response.ok()) {
          failed = response;
          break;
        }
        responses.add(response);
      }
      end.apply(failed == null);
      if (failed != null) {
        part(out, boundary, failed, null); // a failed change set answers its failure alone
        if (!continueOnError) {
          status = failed.status();
          break;
        }
        continue;
      }
      String changeBoundary = "changesetresponse_" + UUID.randomUUID();
      out.append("--").append(boundary).append("\r\n");
      out.append("Content-Type: multipart/mixed; boundary=")
          .append(changeBoundary)
          .append("\r\n\r\n");
      for (int n = 0; n < responses.size(); n++) {
        part(out, changeBoundary, responses.get(n), Integer.toString(n + 1));
      }
      out.append("--").append(changeBoundary).append("--\r\n");
    }
    out.append("--").append(boundary).append("--\r\n");
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("Content-Type", "multipart/mixed; boundary=" + boundary);
    headers.put("OData-Version", "4.0");
    return new DvResponse(status, headers, out.toString());
  }

  private static void part(
      StringBuilder out, String boundary, DvResponse response, String contentId) {
    out.append("--").append(boundary).append("\r\n");
    out.append("Content-Type: application/http\r\nContent-Transfer-Encoding: binary\r\n");
    if (contentId != null) {
      out.append("Content-ID: ").append(contentId).append("\r\n");
    }
    out.append("\r\n");
    out.append("HTTP/1.1 ")
        .append(response.status())
        .append(' ')
        .append(reason(response.status()))
        .append("\r\n");
    response.headers().forEach((k, v) -> out.append(k).append(": ").append(v).append("\r\n"));
    out.append("\r\n");
    if (!response.body().isEmpty()) {
      out.append(response.body()).append("\r\n");
    }
  }

  private DvResponse parse(
      String contentType, String body, String userId, List<Item> items, boolean inChangeSet) {
    Matcher m = BOUNDARY.matcher(contentType == null ? "" : contentType);
    if (contentType == null || !contentType.startsWith("multipart/mixed") || !m.find()) {
      return DvResponse.error(
          400, "0x80060888", "A $batch body must be multipart/mixed with a boundary.");
    }
    String delimiter = "--" + m.group(1);
    String text = (body == null ? "" : body).replace("\r\n", "\n");
    if (!text.contains(delimiter + "--")) {
      return DvResponse.error(
          400, "0x80060888", "The batch body has no closing delimiter " + delimiter + "--.");
    }
    String[] parts = text.split(Pattern.quote(delimiter), -1);
    List<DvRequest> changeSet = inChangeSet ? new ArrayList<>() : null;
    for (int i = 1; i < parts.length; i++) {
      String part = parts[i];
      if (part.startsWith("--")) {
        break;
      }
      part = part.startsWith("\n") ? part.substring(1) : part;
      int headEnd = part.indexOf("\n\n");
      if (headEnd < 0) {
        return DvResponse.error(
            400, "0x80060888", "A batch part has no blank line after its headers.");
      }
      Map<String, String> partHeaders = headers(part.substring(0, headEnd));
      String rest = part.substring(headEnd + 2);
      String type = partHeaders.getOrDefault("content-type", "");
      if (type.startsWith("multipart/mixed")) {
        if (inChangeSet) {
          return DvResponse.error(
              400, "0x80060888", "A change set cannot hold another change set.");
        }
        List<Item> nested = new ArrayList<>();
        DvResponse bad = parse(type, rest, userId, nested, true);
        if (bad != null) {
          return bad;
        }
        items.add(nested.get(0));
        continue;
      }
      if (!type.equals("application/http")
          || !"binary"
              .equalsIgnoreCase(partHeaders.getOrDefault("content-transfer-encoding", ""))) {
        return DvResponse.error(
            400,
            "0x80060888",
            "Each batch part needs Content-Type: application/http and Content-Transfer-Encoding: binary.");
      }
      DvRequest op = operation(rest, userId);
      if (op == null) {
        return DvResponse.error(
            400,
            "0x80060888",
            "A batch part's request line is not METHOD URL HTTP/1.1 under " + apiPath + ".");
      }
      if (inChangeSet) {
        if (op.method().equals("GET")) {
          return DvResponse.error(400, "0x80060888", "A change set cannot hold a GET request.");
        }
        changeSet.add(op);
      } else {
        items.add(new Item(op, null));
      }
    }
    if (inChangeSet) {
      items.add(new Item(null, changeSet));
    }
    return null;
  }

  /** One operation from a part's content: request line, headers, blank line, body. */
  private DvRequest operation(String content, String userId) {
    int headEnd = content.indexOf("\n\n");
    String head = headEnd < 0 ? content : content.substring(0, headEnd);
    String body = headEnd < 0 ? "" : content.substring(headEnd + 2).strip();
    String[] lines = head.split("\n");
    Matcher line = REQUEST_LINE.matcher(lines[0].strip());
    if (!line.matches()) {
      return null;
    }
    String target = line.group(2);
    int api = target.indexOf(apiPath + "/");
    if (api < 0) {
      return null;
    }
    String pathAndQuery = target.substring(api + apiPath.length() + 1);
    int q = pathAndQuery.indexOf('?');
    Map<String, String> headers = new LinkedHashMap<>();
    for (int i = 1; i < lines.length; i++) {
      int colon = lines[i].indexOf(':');
      if (colon > 0) {
        headers.put(lines[i].substring(0, colon).strip(), lines[i].substring(colon + 1).strip());
      }
    }
    return new DvRequest(
        line.group(1),
        RequestRouter.decodePath(q < 0 ? pathAndQuery : pathAndQuery.substring(0, q)),
        q < 0 ? null : pathAndQuery.substring(q + 1),
        headers,
        body,
        userId);
  }

  private static Map<String, String> headers(String block) {
    Map<String, String> headers = new LinkedHashMap<>();
    for (String line : block.split("\n")) {
      int colon = line.indexOf(':');
      if (colon > 0) {
        headers.put(
            line.substring(0, colon).strip().toLowerCase(), line.substring(colon + 1).strip());
      }
    }
    return headers;
  }

  private static String reason(int status) {
    return switch (status) {
      case 200 -> "OK";
      case 201 -> "Created";
      case 204 -> "No Content";
      case 400 -> "Bad Request";
      case 404 -> "Not Found";
      case 412 -> "Precondition Failed";
      case 429 -> "Too Many Requests";
      default -> "Status";
    };
  }
}
