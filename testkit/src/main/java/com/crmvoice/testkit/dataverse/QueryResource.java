package com.crmvoice.testkit.dataverse;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

/**
 * Collection queries ({@code GET leads?$select=…&$filter=…&$orderby=…&$top=…}) with {@code Prefer:
 * odata.maxpagesize} paging through {@code @odata.nextLink} and a {@code $skiptoken}, single rows
 * by id or alternate key, and the JSON of a row: {@code @odata.etag}, date-times at whole seconds
 * in UTC, the statuscode's FormattedValue when {@code Prefer: odata.include-annotations} asks for
 * it (option labels and the names behind lookups), and $expand of the single-valued navigation
 * properties the fake declares (opportunity's customerid_account). Query options the fake does not
 * support ($skip, which Dataverse does not support either, $count, $apply, $search, anything
 * unknown) and other expansions answer 400 with a message naming them.
 */
final class QueryResource {

  static final int MAX_PAGE_SIZE = 5000;
  private static final Set<String> SUPPORTED =
      Set.of("$select", "$filter", "$orderby", "$top", "$skiptoken", "$expand");

  /**
   * The single-valued navigation properties $expand knows, by table: the lookup column holding the
   * related row's id and the related table's entity set.
   */
  private record Navigation(String lookup, String entitySet) {}

  private static final Map<String, Map<String, Navigation>> NAVIGATIONS =
      Map.of(
          "opportunity",
          Map.of("customerid_account", new Navigation("_customerid_value", "accounts")));

  private static final java.util.regex.Pattern EXPAND =
      java.util.regex.Pattern.compile("([a-z_]+)(?:\\(\\$select=([a-z_,]+)\\))?");

  private final java.util.function.Supplier<String> apiRoot;
  private final Schema schema;
  private final java.util.function.Function<String, String> names;
  private final Map<String, List<String>> pages = new ConcurrentHashMap<>();

  /**
   * @param names the primary name of a row any lookup may point to (a lead's or contact's full
   *     name, an account's name, a user's full name), for the lookups' FormattedValue
   */
  QueryResource(
      java.util.function.Supplier<String> apiRoot,
      Schema schema,
      java.util.function.Function<String, String> names) {
    this.apiRoot = apiRoot;
    this.schema = schema;
    this.names = names;
  }

  /** The query options of a raw query string, decoded; refuses unsupported ones. */
  static Map<String, String> options(String rawQuery) {
    Map<String, String> options = new LinkedHashMap<>();
    if (rawQuery == null || rawQuery.isEmpty()) {
      return options;
    }
    for (String pair : rawQuery.split("&")) {
      int eq = pair.indexOf('=');
      String name =
          URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
      String value =
          eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
      if (!SUPPORTED.contains(name)) {
        throw new ODataFilter.BadQuery("The query parameter " + name + " is not supported");
      }
      options.put(name, value);
    }
    return options;
  }

  DvResponse collection(Table table, DvRequest request) {
    Map<String, String> options = options(request.rawQuery());
    List<String> select = select(table, options.get("$select"));
    Map<String, List<String>> expand = expand(table, options.get("$expand"));
    int pageSize = pageSize(request);
    List<String> ids;
    String token = options.get("$skiptoken");
    int from = 0;
    if (token != null) {
      int colon = token.lastIndexOf(':');
      ids = colon < 0 ? null : pages.get(token.substring(0, colon));
      if (ids == null) {
        return DvResponse.error(400, "0x80060888", "The $skiptoken is not valid.");
      }
      from = Integer.parseInt(token.substring(colon + 1));
    } else {
      ids = run(table, options);
    }
    int to = Math.min(ids.size(), from + pageSize);
    ObjectNode body = DvResponse.JSON.createObjectNode();
    body.put("@odata.context", apiRoot.get() + "/$metadata#" + table.entitySet);
    ArrayNode value = body.putArray("value");
    boolean labels = annotations(request);
    for (String id : ids.subList(from, to)) {
      ObjectNode row = representation(table, table.row(id), select, labels ? names : null);
      expandInto(row, table, table.row(id), expand);
      value.add(row);
    }
    if (to < ids.size()) {
      String key =
          token == null ? UUID.randomUUID().toString() : token.substring(0, token.lastIndexOf(':'));
      pages.put(key, ids);
      String query =
          request.rawQuery() == null
              ? ""
              : request.rawQuery().replaceAll("&?\\$skiptoken=[^&]*", "");
      String next =
          apiRoot.get()
              + "/"
              + table.entitySet
              + "?"
              + (query.isEmpty() ? "" : query + "&")
              + "$skiptoken="
              + key
              + ":"
              + to;
      body.put("@odata.nextLink", next);
    }
    DvResponse response = DvResponse.json(200, body);
    return request.prefers("odata.maxpagesize")
        ? response.with("Preference-Applied", "odata.maxpagesize=" + pageSize)
        : response;
  }

  /** GET of one row; 404 with Dataverse's "Does Not Exist" error when there is none. */
  DvResponse single(Table table, Map<String, Object> row, String described, DvRequest request) {
    if (row == null) {
      return DvResponse.error(
          404, "0x80040217", table.logicalName + " With " + described + " Does Not Exist");
    }
    Map<String, String> options = options(request.rawQuery());
    if (options.containsKey("$filter")
        || options.containsKey("$orderby")
        || options.containsKey("$top")) {
      return DvResponse.error(400, "0x80060888", "A single row takes $select and $expand only.");
    }
    ObjectNode body =
        representation(
            table, row, select(table, options.get("$select")), annotations(request) ? names : null);
    expandInto(body, table, row, expand(table, options.get("$expand")));
    body.put("@odata.context", apiRoot.get() + "/$metadata#" + table.entitySet + "/$entity");
    return DvResponse.json(200, body).with("ETag", Table.etag(row));
  }

  private List<String> run(Table table, Map<String, String> options) {
    Predicate<Map<String, Object>> filter =
        options.get("$filter") == null
            ? r -> true
            : ODataFilter.parse(options.get("$filter"), table.columns);
    Comparator<Map<String, Object>> order = order(table, options.get("$orderby"));
    List<Map<String, Object>> matching = new ArrayList<>();
    for (Map<String, Object> row : table.rows()) {
      if (filter.test(row)) {
        matching.add(row);
      }
    }
    if (order != null) {
      matching.sort(order);
    }
    if (options.containsKey("$top")) {
      int top;
      try {
        top = Integer.parseInt(options.get("$top"));
      } catch (NumberFormatException e) {
        throw new ODataFilter.BadQuery("$top must be a whole number.");
      }
      if (top < 0) {
        throw new ODataFilter.BadQuery("$top must not be negative.");
      }
      matching = matching.subList(0, Math.min(top, matching.size()));
    }
    return matching.stream().map(r -> (String) r.get(table.idColumn)).toList();
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static Comparator<Map<String, Object>> order(Table table, String orderBy) {
    if (orderBy == null || orderBy.isBlank()) {
      return null;
    }
    Comparator<Map<String, Object>> order = null;
    for (String item : orderBy.split(",")) {
      String[] parts = item.strip().split("\\s+");
      String column = parts[0];
      if (!table.columns.contains(column)
          || parts.length > 2
          || (parts.length == 2 && !parts[1].equals("asc") && !parts[1].equals("desc"))) {
        throw new ODataFilter.BadQuery("Invalid $orderby item '" + item.strip() + "'.");
      }
      Comparator<Map<String, Object>> one =
          Comparator.comparing(
              r ->
                  (Comparable)
                      (r.get(column) instanceof String s ? s.toLowerCase() : r.get(column)),
              Comparator.nullsFirst(Comparator.naturalOrder()));
      if (parts.length == 2 && parts[1].equals("desc")) {
        one = one.reversed();
      }
      order = order == null ? one : order.thenComparing(one);
    }
    return order;
  }

  static List<String> select(Table table, String select) {
    if (select == null) {
      return List.copyOf(table.columns);
    }
    List<String> columns = new ArrayList<>();
    for (String c : select.split(",")) {
      String column = c.strip();
      if (!table.columns.contains(column)) {
        throw new ODataFilter.BadQuery(
            "Could not find a property named '"
                + column
                + "' on type 'Microsoft.Dynamics.CRM."
                + table.logicalName
                + "'.");
      }
      columns.add(column);
    }
    return columns;
  }

  private static int pageSize(DvRequest request) {
    String size = request.preference("odata.maxpagesize");
    if (size == null) {
      return MAX_PAGE_SIZE;
    }
    try {
      int n = Integer.parseInt(size);
      if (n < 1 || n > MAX_PAGE_SIZE) {
        throw new ODataFilter.BadQuery("odata.maxpagesize must be from 1 to 5000.");
      }
      return n;
    } catch (NumberFormatException e) {
      throw new ODataFilter.BadQuery("odata.maxpagesize must be a number.");
    }
  }

  private static boolean annotations(DvRequest request) {
    String value = request.preference("odata.include-annotations");
    return value != null
        && (value.equals("*") || value.contains("OData.Community.Display.V1.FormattedValue"));
  }

  /**
   * The navigation properties of a $expand, each with its $select: only the single-valued ones the
   * fake declares; anything else (a collection, nested options other than $select) is a 400.
   */
  private Map<String, List<String>> expand(Table table, String expand) {
    Map<String, List<String>> navigations = new LinkedHashMap<>();
    if (expand == null) {
      return navigations;
    }
    for (String item : expand.split(",(?![^(]*\\))")) {
      java.util.regex.Matcher m = EXPAND.matcher(item.strip());
      Navigation nav =
          m.matches()
              ? NAVIGATIONS.getOrDefault(table.logicalName, Map.of()).get(m.group(1))
              : null;
      if (nav == null) {
        throw new ODataFilter.BadQuery(
            "$expand '" + item.strip() + "' is not supported on " + table.logicalName + ".");
      }
      navigations.put(m.group(1), select(schema.table(nav.entitySet()), m.group(2)));
    }
    return navigations;
  }

  private void expandInto(
      ObjectNode node, Table table, Map<String, Object> row, Map<String, List<String>> expand) {
    expand.forEach(
        (name, select) -> {
          Navigation nav = NAVIGATIONS.get(table.logicalName).get(name);
          Table target = schema.table(nav.entitySet());
          Object id = row.get(nav.lookup());
          Map<String, Object> related = id == null ? null : target.row(id.toString());
          if (related == null) {
            node.putNull(name);
          } else {
            node.set(name, representation(target, related, select, null));
          }
        });
  }

  /**
   * A row's JSON: the selected columns (the id always) and its etag; with {@code names} (the
   * FormattedValue annotations were asked for) the labels of option columns and the names behind
   * lookups.
   */
  static ObjectNode representation(
      Table table,
      Map<String, Object> row,
      List<String> select,
      java.util.function.Function<String, String> names) {
    ObjectNode node = DvResponse.JSON.createObjectNode();
    node.put("@odata.etag", Table.etag(row));
    for (String column : select) {
      Object value = row.get(column);
      put(node, column, value);
      if (names == null || value == null) {
        continue;
      }
      String label =
          table.type(column).equals("guid")
              ? names.apply(value.toString())
              : value instanceof Number n ? Schema.label(table.logicalName, column, n) : null;
      if (label != null) {
        node.put(column + FORMATTED, label);
      }
    }
    if (!select.contains(table.idColumn)) {
      put(node, table.idColumn, row.get(table.idColumn));
    }
    return node;
  }

  static final String FORMATTED = "@OData.Community.Display.V1.FormattedValue";

  static void put(ObjectNode node, String column, Object value) {
    if (value == null) {
      node.putNull(column);
    } else if (value instanceof Instant instant) {
      node.put(column, instant.truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString());
    } else if (value instanceof Boolean b) {
      node.put(column, b);
    } else if (value instanceof java.math.BigDecimal d) {
      node.put(column, d);
    } else if (value instanceof Number n) {
      node.put(column, n.longValue());
    } else {
      node.put(column, value.toString());
    }
  }
}
