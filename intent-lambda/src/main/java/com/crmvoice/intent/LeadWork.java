package com.crmvoice.intent;

import com.crmvoice.core.service.skill.ChangeService;
import com.crmvoice.core.service.skill.CommandSubmitter;
import com.crmvoice.core.service.skill.LeadStatusCatalog;
import com.crmvoice.core.service.skill.WorkingSet;
import com.crmvoice.intent.settings.TimeZones;
import java.util.Objects;

/**
 * What working a lead by voice needs: the owner's open leads to walk and name, the status picklist,
 * the write path for every command type, and undo and "what happened".
 *
 * @param timeZones the time zone "today" and "Friday" are in for the user's device
 */
public record LeadWork(
    WorkingSet workingSet,
    LeadStatusCatalog statuses,
    CommandSubmitter commands,
    ChangeService changes,
    TimeZones timeZones) {

  public LeadWork {
    Objects.requireNonNull(workingSet, "workingSet");
    Objects.requireNonNull(statuses, "statuses");
    Objects.requireNonNull(commands, "commands");
    Objects.requireNonNull(changes, "changes");
    Objects.requireNonNull(timeZones, "timeZones");
  }
}
