package com.crmvoice.intent.handlers;

import com.amazon.ask.model.interfaces.alexa.presentation.apl.RenderDocumentDirective;
import com.crmvoice.core.domain.deal.PeriodFigures;
import com.crmvoice.intent.speech.Speech;
import com.crmvoice.intent.speech.SpokenMoney;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The pipeline summary on a screen ({@code apl/pipeline.json}): the period's open amount, the count
 * of open deals, the weighted amount, the top stages with their amounts and what was won, in the
 * user's locale and the figures' currency, every word from the speech bundles. Shown with the
 * spoken answer when the device supports APL.
 */
final class PipelineScreen {

  private static final String APL_TOKEN = "crmvoice-pipeline";
  private static final Map<String, Object> DOCUMENT =
      load("/com/crmvoice/intent/apl/pipeline.json");

  private PipelineScreen() {}

  /**
   * @param period the period's word ("quarter", "Quartal") as the answer says it
   */
  static RenderDocumentDirective apl(Speech speech, PeriodFigures f, String period) {
    String locale = speech.locale();
    String iso = f.currencyIsoCode();
    List<String> stages = new ArrayList<>();
    for (PeriodFigures.StageAmount s : f.topStages()) {
      stages.add(
          speech.plain(
              "apl.pipeline.stage",
              Speech.xmlSafe(s.stage()),
              SpokenMoney.of(s.amount(), iso, locale)));
    }
    String won =
        switch (f.wonCount()) {
          case 0 -> speech.plain("apl.pipeline.won.none", period);
          case 1 ->
              speech.plain(
                  "apl.pipeline.won.one", period, SpokenMoney.of(f.wonAmount(), iso, locale));
          default ->
              speech.plain(
                  "apl.pipeline.won.many",
                  period,
                  SpokenMoney.of(f.wonAmount(), iso, locale),
                  f.wonCount());
        };
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("title", speech.plain("apl.pipeline.title", period));
    data.put("amount", SpokenMoney.of(f.openAmount(), iso, locale));
    data.put(
        "count",
        f.openCount() == 1
            ? speech.plain("apl.pipeline.count.one")
            : speech.plain("apl.pipeline.count.many", f.openCount()));
    data.put(
        "weighted",
        speech.plain("apl.pipeline.weighted", SpokenMoney.of(f.weightedAmount(), iso, locale)));
    data.put("stagesTitle", stages.isEmpty() ? "" : speech.plain("apl.pipeline.stages"));
    data.put("stages", stages);
    data.put("won", won);
    return RenderDocumentDirective.builder()
        .withToken(APL_TOKEN)
        .withDocument(DOCUMENT)
        .withDatasources(Map.of("pipeline", data))
        .build();
  }

  private static Map<String, Object> load(String resource) {
    try (InputStream in = PipelineScreen.class.getResourceAsStream(resource)) {
      return new ObjectMapper().readValue(in, new TypeReference<Map<String, Object>>() {});
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
