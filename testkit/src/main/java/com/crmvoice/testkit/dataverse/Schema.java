package com.crmvoice.testkit.dataverse;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The fake environment's tables and their columns as Dataverse defines them (string lengths and
 * types from the standard lead, phonecall, task, opportunity, account, contact, appointment,
 * activityparty, transactioncurrency and organization tables), the command id column the deployment
 * adds (an alternate key on lead, phonecall and task), and the option sets of a new Dynamics 365
 * Sales org: lead, opportunity and task status reasons, opportunity sales stages.
 */
final class Schema {

  /** One statuscode (or picklist) option: value, label, the statecode it belongs to. */
  record StatusOption(int value, String label, int state) {}

  static final String COMMAND_ID = "crmvoice_commandid";

  /** Lead status reasons of a Sales org: Open (0), Qualified (1), Disqualified (2). */
  static final List<StatusOption> LEAD_STATUSES =
      List.of(
          new StatusOption(1, "New", 0),
          new StatusOption(2, "Contacted", 0),
          new StatusOption(3, "Qualified", 1),
          new StatusOption(4, "Lost", 2),
          new StatusOption(5, "Cannot Contact", 2),
          new StatusOption(6, "No Longer Interested", 2),
          new StatusOption(7, "Canceled", 2));

  /** Opportunity status reasons: Open (0), Won (1), Lost (2). */
  static final List<StatusOption> OPPORTUNITY_STATUSES =
      List.of(
          new StatusOption(1, "In Progress", 0),
          new StatusOption(2, "On Hold", 0),
          new StatusOption(3, "Won", 1),
          new StatusOption(4, "Canceled", 2),
          new StatusOption(5, "Out-Sold", 2));

  /** Task status reasons: Open (0), Completed (1), Canceled (2). */
  static final List<StatusOption> TASK_STATUSES =
      List.of(
          new StatusOption(2, "Not Started", 0),
          new StatusOption(3, "In Progress", 0),
          new StatusOption(4, "Waiting on someone else", 0),
          new StatusOption(7, "Deferred", 0),
          new StatusOption(5, "Completed", 1),
          new StatusOption(6, "Canceled", 2));

  /** The opportunity_salesstage option set (state is unused: -1). */
  static final List<StatusOption> SALES_STAGES =
      List.of(
          new StatusOption(0, "Qualify", -1),
          new StatusOption(1, "Develop", -1),
          new StatusOption(2, "Propose", -1),
          new StatusOption(3, "Close", -1));

  static final Map<String, List<String>> STATE_LABELS =
      Map.of(
          "lead", List.of("Open", "Qualified", "Disqualified"),
          "opportunity", List.of("Open", "Won", "Lost"),
          "task", List.of("Open", "Completed", "Canceled"),
          "appointment", List.of("Open", "Completed", "Canceled", "Scheduled"),
          "phonecall", List.of("Open", "Completed", "Canceled"));

  final Table leads;
  final Table phonecalls;
  final Table tasks;
  final Table opportunities;
  final Table accounts;
  final Table contacts;
  final Table appointments;
  final Table activityparties;
  final Table currencies;
  final Table organizations;

  Schema(Clock clock) {
    Map<String, Integer> lead = new LinkedHashMap<>();
    lead.put("subject", 300);
    lead.put("firstname", 50);
    lead.put("lastname", 50);
    lead.put("companyname", 100);
    lead.put("emailaddress1", 100);
    lead.put("telephone1", 50);
    lead.put(COMMAND_ID, 100);
    leads =
        new Table(
                "leads",
                "lead",
                "leadid",
                COMMAND_ID,
                lead,
                Set.of("statecode", "statuscode"),
                clock)
            .typed("int", "statecode", "statuscode");
    phonecalls = activity("phonecalls", "phonecall", clock);
    tasks = activity("tasks", "task", clock);
    opportunities =
        new Table(
                "opportunities",
                "opportunity",
                "opportunityid",
                null,
                Map.of("name", 300, "stepname", 200, "description", 2000),
                Set.of(
                    "statecode",
                    "statuscode",
                    "salesstage",
                    "closeprobability",
                    "estimatedvalue",
                    "actualvalue",
                    "estimatedclosedate",
                    "actualclosedate",
                    "_customerid_value",
                    "_transactioncurrencyid_value"),
                clock)
            .typed("int", "statecode", "statuscode", "salesstage", "closeprobability")
            .typed("decimal", "estimatedvalue", "actualvalue")
            .typed("date", "estimatedclosedate", "actualclosedate");
    accounts =
        new Table("accounts", "account", "accountid", null, Map.of("name", 160), Set.of(), clock);
    contacts =
        new Table(
            "contacts",
            "contact",
            "contactid",
            null,
            Map.of("firstname", 50, "lastname", 50, "fullname", 160),
            Set.of(),
            clock);
    appointments =
        new Table(
                "appointments",
                "appointment",
                "activityid",
                null,
                Map.of("subject", 200, "location", 200, "description", 2000),
                Set.of(
                    "scheduledstart",
                    "scheduledend",
                    "isalldayevent",
                    "statecode",
                    "statuscode",
                    "_regardingobjectid_value"),
                clock)
            .typed("int", "statecode", "statuscode")
            .typed("bool", "isalldayevent");
    activityparties =
        new Table(
                "activityparties",
                "activityparty",
                "activitypartyid",
                null,
                Map.of(),
                Set.of("_activityid_value", "_partyid_value", "participationtypemask"),
                clock)
            .typed("int", "participationtypemask");
    currencies =
        new Table(
                "transactioncurrencies",
                "transactioncurrency",
                "transactioncurrencyid",
                null,
                Map.of("isocurrencycode", 5, "currencyname", 100),
                Set.of("exchangerate", "statecode"),
                clock)
            .typed("decimal", "exchangerate")
            .typed("int", "statecode");
    organizations =
        new Table(
                "organizations",
                "organization",
                "organizationid",
                null,
                Map.of("name", 160),
                Set.of("fiscalcalendarstart", "fiscalperiodtype", "_basecurrencyid_value"),
                clock)
            .typed("int", "fiscalperiodtype");
  }

  private static Table activity(String set, String name, Clock clock) {
    Map<String, Integer> columns = new LinkedHashMap<>();
    columns.put("subject", 200);
    columns.put("description", 2000);
    columns.put(COMMAND_ID, 100);
    return new Table(
            set,
            name,
            "activityid",
            COMMAND_ID,
            columns,
            Set.of(
                "scheduledend",
                "actualend",
                "directioncode",
                "statecode",
                "statuscode",
                "_regardingobjectid_value"),
            clock)
        .typed("int", "statecode", "statuscode")
        .typed("bool", "directioncode");
  }

  List<Table> all() {
    return List.of(
        leads,
        phonecalls,
        tasks,
        opportunities,
        accounts,
        contacts,
        appointments,
        activityparties,
        currencies,
        organizations);
  }

  Table table(String entitySet) {
    return all().stream().filter(t -> t.entitySet.equals(entitySet)).findFirst().orElse(null);
  }

  static StatusOption leadStatus(int value) {
    return option(LEAD_STATUSES, value);
  }

  /** The statuscode options of a table, or an empty list when the fake defines none. */
  static List<StatusOption> statuses(String logicalName) {
    return switch (logicalName) {
      case "lead" -> LEAD_STATUSES;
      case "opportunity" -> OPPORTUNITY_STATUSES;
      case "task" -> TASK_STATUSES;
      default -> List.of();
    };
  }

  static StatusOption option(List<StatusOption> options, int value) {
    return options.stream().filter(o -> o.value() == value).findFirst().orElse(null);
  }

  /** The label of an option column's value (statuscode, statecode, salesstage), or null. */
  static String label(String logicalName, String column, Number value) {
    if (value == null) {
      return null;
    }
    int v = value.intValue();
    StatusOption option =
        switch (column) {
          case "statuscode" -> option(statuses(logicalName), v);
          case "salesstage" -> logicalName.equals("opportunity") ? option(SALES_STAGES, v) : null;
          default -> null;
        };
    if (option != null) {
      return option.label();
    }
    List<String> states = STATE_LABELS.get(logicalName);
    return column.equals("statecode") && states != null && v >= 0 && v < states.size()
        ? states.get(v)
        : null;
  }
}
