package com.crmvoice.intent.handlers;

import com.amazon.ask.dispatcher.request.handler.HandlerInput;
import com.amazon.ask.model.IntentRequest;
import com.amazon.ask.model.Response;
import com.crmvoice.core.domain.CrmUser;
import com.crmvoice.core.domain.deal.FiscalPeriod.Kind;
import com.crmvoice.core.domain.deal.PeriodFigures;
import com.crmvoice.core.service.deals.PipelineService;
import com.crmvoice.intent.LeadWork;
import com.crmvoice.intent.dialog.Slots;
import com.crmvoice.intent.speech.Speech;
import com.crmvoice.intent.speech.SpokenMoney;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * "How's my pipeline (this quarter / this month)" ({@code PipelineIntent}) and "what did I close
 * this quarter" ({@code ClosedDealsIntent}): the figures of the owner's cached book, amounts in the
 * org's currency and the user's locale. The {@code period} slot ({@code PIPELINE_PERIOD}: QUARTER
 * or MONTH) defaults to the quarter. A screen shows the summary ({@link PipelineScreen}).
 */
public final class PipelineIntentHandler implements IntentHandler {

  private final PipelineService pipeline;
  private final LeadWork work;
  private final boolean closed;

  /**
   * @param closed true for the closed-won answer, false for the open pipeline
   */
  public PipelineIntentHandler(PipelineService pipeline, LeadWork work, boolean closed) {
    this.pipeline = Objects.requireNonNull(pipeline, "pipeline");
    this.work = Objects.requireNonNull(work, "work");
    this.closed = closed;
  }

  @Override
  public String intentName() {
    return closed ? "ClosedDealsIntent" : "PipelineIntent";
  }

  @Override
  public Optional<Response> handle(HandlerInput input) {
    Speech speech = Requests.speech(input);
    CrmUser user = CurrentUser.of(input);
    Kind kind =
        "MONTH"
                .equals(
                    Slots.resolvedId(
                        ((IntentRequest) input.getRequestEnvelope().getRequest()).getIntent(),
                        "period"))
            ? Kind.MONTH
            : Kind.QUARTER;
    String period = speech.plain(kind == Kind.MONTH ? "pipeline.month" : "pipeline.quarter");
    Optional<PeriodFigures> figures =
        pipeline.figures(user.userId(), kind, DayPresentation.zone(input, work));
    String text;
    if (figures.isEmpty()) {
      text = speech.say("pipeline.unavailable");
    } else if (closed) {
      PeriodFigures f = figures.get();
      String money = SpokenMoney.of(f.wonAmount(), f.currencyIsoCode(), speech.locale());
      text =
          f.wonCount() == 0
              ? speech.say("pipeline.closed.none", period)
              : speech.say(
                  f.wonCount() == 1 ? "pipeline.closed.one" : "pipeline.closed.many",
                  period,
                  f.wonCount(),
                  money);
    } else {
      text = open(speech, figures.get(), period);
    }
    String offer = speech.say("pipeline.offer");
    com.amazon.ask.response.ResponseBuilder builder =
        input
            .getResponseBuilder()
            .withSpeech(text + " " + offer)
            .withReprompt(offer)
            .withShouldEndSession(false);
    if (figures.isPresent() && Requests.supportsApl(input)) {
      builder.addDirective(PipelineScreen.apl(speech, figures.get(), period));
    }
    return builder.build();
  }

  /** How many of the top stages the answer names (the screen lists them all). */
  static final int TOP_STAGES_SPOKEN = 3;

  private static String open(Speech speech, PeriodFigures f, String period) {
    if (f.openCount() == 0) {
      return speech.say("pipeline.open.none", period);
    }
    String locale = speech.locale();
    String total = SpokenMoney.of(f.openAmount(), f.currencyIsoCode(), locale);
    String weighted = SpokenMoney.of(f.weightedAmount(), f.currencyIsoCode(), locale);
    String text =
        speech.say(
            f.openCount() == 1 ? "pipeline.open.one" : "pipeline.open.many",
            period,
            total,
            f.openCount(),
            weighted);
    List<PeriodFigures.StageAmount> stages = f.topStages();
    if (stages.size() == 1) {
      text +=
          " "
              + speech.say(
                  "pipeline.topstage",
                  stages.get(0).stage(),
                  SpokenMoney.of(stages.get(0).amount(), f.currencyIsoCode(), locale));
    } else if (stages.size() > 1) {
      // "The top stages are Negotiation/Review at $42,500, Proposal/Price Quote at $18,000 and ..."
      List<String> items =
          stages.stream()
              .limit(TOP_STAGES_SPOKEN)
              .map(
                  s ->
                      speech.plain(
                          "pipeline.stage",
                          s.stage(),
                          SpokenMoney.of(s.amount(), f.currencyIsoCode(), locale)))
              .toList();
      text += " " + speech.say("pipeline.topstages", DayPresentation.list(speech, items, 0));
    }
    return text;
  }
}
