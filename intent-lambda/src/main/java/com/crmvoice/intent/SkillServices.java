package com.crmvoice.intent;

import com.crmvoice.core.port.IdentityResolver;
import com.crmvoice.core.service.skill.CreateLeadService;
import com.crmvoice.core.service.skill.LeadStatusService;
import com.crmvoice.core.service.skill.TopLeadService;
import com.crmvoice.intent.progressive.ProgressiveResponses;
import java.util.Objects;

/**
 * Everything the request handlers need, wired once per container: the services hold the logic, the
 * handlers translate between Alexa and them.
 */
public record SkillServices(
    String skillId,
    IdentityResolver identity,
    TopLeadService topLeads,
    CreateLeadService createLeads,
    LeadStatusService leadStatus,
    ProgressiveResponses progressive,
    LeadWork work) {

  public SkillServices {
    Objects.requireNonNull(skillId, "skillId");
    Objects.requireNonNull(identity, "identity");
    Objects.requireNonNull(topLeads, "topLeads");
    Objects.requireNonNull(createLeads, "createLeads");
    Objects.requireNonNull(leadStatus, "leadStatus");
    Objects.requireNonNull(progressive, "progressive");
    Objects.requireNonNull(work, "work");
  }
}
