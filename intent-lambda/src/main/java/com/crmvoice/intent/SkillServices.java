package com.crmvoice.intent;

import com.crmvoice.core.port.IdentityResolver;
import com.crmvoice.core.service.skill.CreateLeadService;
import com.crmvoice.core.service.skill.LeadStatusService;
import com.crmvoice.core.service.skill.TopLeadService;
import com.crmvoice.intent.progressive.ProgressiveResponses;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * Everything the request handlers need, wired once per container: the services hold the logic, the
 * handlers translate between Alexa and them.
 *
 * @param admitsAlexaUser whether an Alexa user id may use the skill (single-user mode admits only
 *     the configured ones; {@code SkillConfig#admits})
 */
public record SkillServices(
    String skillId,
    IdentityResolver identity,
    TopLeadService topLeads,
    CreateLeadService createLeads,
    LeadStatusService leadStatus,
    ProgressiveResponses progressive,
    Predicate<String> admitsAlexaUser) {

  /** Services that answer every Alexa user (account linking decides whose leads they hear). */
  public SkillServices(
      String skillId,
      IdentityResolver identity,
      TopLeadService topLeads,
      CreateLeadService createLeads,
      LeadStatusService leadStatus,
      ProgressiveResponses progressive) {
    this(skillId, identity, topLeads, createLeads, leadStatus, progressive, user -> true);
  }

  public SkillServices {
    Objects.requireNonNull(skillId, "skillId");
    Objects.requireNonNull(identity, "identity");
    Objects.requireNonNull(topLeads, "topLeads");
    Objects.requireNonNull(createLeads, "createLeads");
    Objects.requireNonNull(leadStatus, "leadStatus");
    Objects.requireNonNull(progressive, "progressive");
    Objects.requireNonNull(admitsAlexaUser, "admitsAlexaUser");
  }
}
