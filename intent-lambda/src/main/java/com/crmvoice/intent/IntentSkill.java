package com.crmvoice.intent;

import com.amazon.ask.Skill;
import com.amazon.ask.builder.CustomSkillBuilder;
import com.crmvoice.intent.handlers.AccountLinkingExceptionHandler;
import com.crmvoice.intent.handlers.BriefingIntentHandler;
import com.crmvoice.intent.handlers.CancelIntentHandler;
import com.crmvoice.intent.handlers.ChangeDealStageIntentHandler;
import com.crmvoice.intent.handlers.ChangeLeadStatusIntentHandler;
import com.crmvoice.intent.handlers.CompleteTaskIntentHandler;
import com.crmvoice.intent.handlers.CreateLeadIntentHandler;
import com.crmvoice.intent.handlers.CurrentUser;
import com.crmvoice.intent.handlers.DealAmountIntentHandler;
import com.crmvoice.intent.handlers.DealCloseDateIntentHandler;
import com.crmvoice.intent.handlers.DealDetailsIntentHandler;
import com.crmvoice.intent.handlers.DealListIntentHandler;
import com.crmvoice.intent.handlers.DealNextStepIntentHandler;
import com.crmvoice.intent.handlers.DealTouchedHandler;
import com.crmvoice.intent.handlers.FallbackIntentHandler;
import com.crmvoice.intent.handlers.FollowUpIntentHandler;
import com.crmvoice.intent.handlers.GetTopLeadIntentHandler;
import com.crmvoice.intent.handlers.HelpIntentHandler;
import com.crmvoice.intent.handlers.IntentHandler;
import com.crmvoice.intent.handlers.LaunchRequestHandler;
import com.crmvoice.intent.handlers.LeadDetailsIntentHandler;
import com.crmvoice.intent.handlers.LeadStatusIntentHandler;
import com.crmvoice.intent.handlers.LeadTouchedHandler;
import com.crmvoice.intent.handlers.LogCallIntentHandler;
import com.crmvoice.intent.handlers.NavigateHomeIntentHandler;
import com.crmvoice.intent.handlers.NextLeadIntentHandler;
import com.crmvoice.intent.handlers.NextMeetingIntentHandler;
import com.crmvoice.intent.handlers.NoIntentHandler;
import com.crmvoice.intent.handlers.NotConfiguredExceptionHandler;
import com.crmvoice.intent.handlers.PipelineIntentHandler;
import com.crmvoice.intent.handlers.PreviousLeadIntentHandler;
import com.crmvoice.intent.handlers.SessionEndedRequestHandler;
import com.crmvoice.intent.handlers.SkillExceptionHandler;
import com.crmvoice.intent.handlers.StartOverIntentHandler;
import com.crmvoice.intent.handlers.StopIntentHandler;
import com.crmvoice.intent.handlers.TasksTodayIntentHandler;
import com.crmvoice.intent.handlers.UndoIntentHandler;
import com.crmvoice.intent.handlers.UnhandledRequestHandler;
import com.crmvoice.intent.handlers.UnknownUserHandler;
import com.crmvoice.intent.notify.CurrentRecipient;
import java.util.List;

/**
 * The skill: one handler per intent, skill id verification on, users single-user mode does not
 * admit refused first, one apology for every error. The request's CRM user is resolved at most
 * once, when a handler first asks ({@link CurrentUser}); each handler gets only the services it
 * uses.
 */
public final class IntentSkill {

  private IntentSkill() {}

  /** The intent handlers, in the order the dispatcher tries them. */
  public static List<IntentHandler> intentHandlers(SkillServices services) {
    LeadWork work = services.work();
    List<IntentHandler> handlers = new java.util.ArrayList<>();
    Walks walk = Walks.of(work, services.deals());
    DealDetailsIntentHandler dealDetails =
        services.deals() == null ? null : new DealDetailsIntentHandler(services.deals(), work);
    if (services.pipeline() != null) {
      handlers.add(new PipelineIntentHandler(services.pipeline(), work, false));
      handlers.add(new PipelineIntentHandler(services.pipeline(), work, true));
    }
    if (services.deals() != null) {
      handlers.add(dealDetails);
      handlers.add(new DealListIntentHandler(services.deals(), work, false));
      handlers.add(new DealListIntentHandler(services.deals(), work, true));
      if (services.deals().updates() != null) {
        handlers.add(new ChangeDealStageIntentHandler(services.deals(), work));
        handlers.add(new DealAmountIntentHandler(services.deals(), work));
        handlers.add(new DealCloseDateIntentHandler(services.deals(), work));
        handlers.add(new DealNextStepIntentHandler(services.deals(), work));
      }
    }
    if (services.day() != null) {
      handlers.add(new BriefingIntentHandler(services.day(), work));
      handlers.add(new NextMeetingIntentHandler(services.day(), work));
      handlers.add(new TasksTodayIntentHandler(services.day(), work));
      handlers.add(new CompleteTaskIntentHandler(services.day(), work));
    }
    handlers.addAll(
        List.of(
            new GetTopLeadIntentHandler(services.topLeads(), services.progressive()),
            new CreateLeadIntentHandler(services.createLeads()),
            new LeadStatusIntentHandler(services.leadStatus()),
            walk.next(),
            walk.previous(),
            walk.startOver(),
            new LeadDetailsIntentHandler(work.workingSet(), dealDetails),
            new ChangeLeadStatusIntentHandler(work),
            new LogCallIntentHandler(work),
            new FollowUpIntentHandler(work),
            new UndoIntentHandler(work, services.deals()),
            new HelpIntentHandler(),
            new CancelIntentHandler(),
            new StopIntentHandler(),
            new NavigateHomeIntentHandler(),
            new NoIntentHandler(),
            new FallbackIntentHandler()));
    return List.copyOf(handlers);
  }

  /** "Next", "previous", "start over": over the deal list too when the skill has deals. */
  private record Walks(IntentHandler next, IntentHandler previous, IntentHandler startOver) {
    static Walks of(LeadWork work, DealWork deals) {
      return deals == null
          ? new Walks(
              new NextLeadIntentHandler(work.workingSet()),
              new PreviousLeadIntentHandler(work.workingSet()),
              new StartOverIntentHandler(work.workingSet()))
          : new Walks(
              new NextLeadIntentHandler(work.workingSet(), deals, work),
              new PreviousLeadIntentHandler(work.workingSet(), deals, work),
              new StartOverIntentHandler(work.workingSet(), deals, work));
    }
  }

  public static Skill build(SkillServices services) {
    return build(services, com.crmvoice.intent.speech.Speech.BUNDLE_CRM);
  }

  /** The skill, saying {@code crmName} as the CRM's name (the CRM setting's CRM). */
  public static Skill build(SkillServices services, String crmName) {
    var builder =
        new CustomSkillBuilder()
            .withSkillId(services.skillId())
            .addRequestInterceptor(new com.crmvoice.intent.handlers.CrmName(crmName))
            .addRequestInterceptor(new CurrentUser(services.identity()))
            .addRequestInterceptor(CurrentRecipient.INSTANCE)
            .addResponseInterceptor(CurrentRecipient.INSTANCE)
            .addRequestHandler(new UnknownUserHandler(services.admitsAlexaUser()))
            .addRequestHandler(new LaunchRequestHandler(services.day()))
            .addRequestHandler(new SessionEndedRequestHandler());
    List<IntentHandler> handlers = intentHandlers(services);
    handlers.forEach(builder::addRequestHandler);
    // A touch on the screen's "which one" list answers the write dialog that asked.
    builder.addRequestHandler(LeadTouchedHandler.of(handlers, services.work().workingSet()));
    if (services.deals() != null) {
      // A touch on a deal list: the deal dialog that asked, else the deal described.
      builder.addRequestHandler(DealTouchedHandler.of(handlers, services.deals(), services.work()));
    }
    // Last, so that every handler added above (or later) takes its requests first.
    return builder
        .addRequestHandler(new UnhandledRequestHandler())
        .addExceptionHandler(new AccountLinkingExceptionHandler())
        .addExceptionHandler(new NotConfiguredExceptionHandler())
        .addExceptionHandler(new SkillExceptionHandler())
        .build();
  }
}
