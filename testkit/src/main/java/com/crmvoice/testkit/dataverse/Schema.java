package com.crmvoice.testkit.dataverse;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The fake environment's tables and their columns as Dataverse defines them (string lengths from
 * the standard lead, phonecall and task tables), the command id column the deployment adds (an
 * alternate key on each), and the lead statuscode options of a new Dynamics 365 Sales org.
 */
final class Schema {

  /** One statuscode option: value, label, the statecode it belongs to. */
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

  final Table leads;
  final Table phonecalls;
  final Table tasks;

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
            "leads", "lead", "leadid", COMMAND_ID, lead, Set.of("statecode", "statuscode"), clock);
    phonecalls = activity("phonecalls", "phonecall", clock);
    tasks = activity("tasks", "task", clock);
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
        clock);
  }

  Table table(String entitySet) {
    return switch (entitySet) {
      case "leads" -> leads;
      case "phonecalls" -> phonecalls;
      case "tasks" -> tasks;
      default -> null;
    };
  }

  static StatusOption leadStatus(int value) {
    return LEAD_STATUSES.stream().filter(o -> o.value() == value).findFirst().orElse(null);
  }
}
