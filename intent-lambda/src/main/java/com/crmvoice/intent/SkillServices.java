package com.crmvoice.intent;

import com.crmvoice.core.port.IdentityResolver;
import com.crmvoice.core.service.day.DayService;
import com.crmvoice.core.service.deals.PipelineService;
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
 * @param day the briefing, calendar and task intents' service; null for a skill without them
 * @param pipeline the pipeline intents' service; null for a skill without them
 * @param deals the deal intents' services (deals closing, one deal by name); null for a skill
 *     without them
 */
public record SkillServices(
    String skillId,
    IdentityResolver identity,
    TopLeadService topLeads,
    CreateLeadService createLeads,
    LeadStatusService leadStatus,
    ProgressiveResponses progressive,
    LeadWork work,
    Predicate<String> admitsAlexaUser,
    DayService day,
    PipelineService pipeline,
    DealWork deals) {

  /** Services without the day, pipeline and deal intents: see the full constructor. */
  public SkillServices(
      String skillId,
      IdentityResolver identity,
      TopLeadService topLeads,
      CreateLeadService createLeads,
      LeadStatusService leadStatus,
      ProgressiveResponses progressive,
      LeadWork work,
      Predicate<String> admitsAlexaUser) {
    this(
        skillId,
        identity,
        topLeads,
        createLeads,
        leadStatus,
        progressive,
        work,
        admitsAlexaUser,
        null,
        null,
        null);
  }

  /** Services that answer every Alexa user (account linking decides whose leads they hear). */
  public SkillServices(
      String skillId,
      IdentityResolver identity,
      TopLeadService topLeads,
      CreateLeadService createLeads,
      LeadStatusService leadStatus,
      ProgressiveResponses progressive,
      LeadWork work) {
    this(skillId, identity, topLeads, createLeads, leadStatus, progressive, work, user -> true);
  }

  public SkillServices {
    Objects.requireNonNull(skillId, "skillId");
    Objects.requireNonNull(identity, "identity");
    Objects.requireNonNull(topLeads, "topLeads");
    Objects.requireNonNull(createLeads, "createLeads");
    Objects.requireNonNull(leadStatus, "leadStatus");
    Objects.requireNonNull(progressive, "progressive");
    Objects.requireNonNull(work, "work");
    Objects.requireNonNull(admitsAlexaUser, "admitsAlexaUser");
  }
}
