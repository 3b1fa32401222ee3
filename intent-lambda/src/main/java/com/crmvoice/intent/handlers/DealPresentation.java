package com.crmvoice.intent.handlers;

import com.amazon.ask.model.interfaces.alexa.presentation.apl.RenderDocumentDirective;
import com.crmvoice.core.domain.deal.Deal;
import com.crmvoice.intent.speech.Speech;
import com.crmvoice.intent.speech.SpokenMoney;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A deal as the user hears it (stage, amount in the user's locale, close date, account, next step,
 * last activity), reads it on a card, and sees it on a screen (APL: the deal, or a list of deals
 * whose items a touch selects with ["dealSelected", dealId]).
 */
final class DealPresentation {

  static final String APL_TOKEN = "dealDetails";

  /** The token of a deal list ("which one", "deals closing"). */
  static final String LIST_TOKEN = "dealList";

  static final String SELECTED = "dealSelected";
  private static final Map<String, Object> DOCUMENT = load("/com/crmvoice/intent/apl/deal.json");
  private static final Map<String, Object> LIST = load("/com/crmvoice/intent/apl/deals.json");

  private DealPresentation() {}

  /**
   * "Acme expansion, with Acme Corporation, is at Negotiation/Review. It's worth $42,500 and closes
   * on … Next step: … Last activity: …". {@code currency} is the amount's (null: unknown, the
   * number alone); {@code today} tells a close date that has passed. Without {@code keepsNextStep}
   * the CRM has no next step, and none is spoken of.
   */
  static String speech(
      Speech speech, Deal deal, String currency, LocalDate today, boolean keepsNextStep) {
    List<String> parts = new ArrayList<>();
    parts.add(
        deal.accountName() == null
            ? speech.say("deal.intro.noaccount", deal.name(), deal.stage())
            : speech.say("deal.intro", deal.name(), deal.accountName(), deal.stage()));
    String close = deal.closeDate().toString();
    boolean past = deal.closeDate().isBefore(today);
    if (deal.amount() == null) {
      parts.add(speech.say(past ? "deal.noamount.closed" : "deal.noamount.closes", close));
    } else {
      parts.add(
          speech.say(
              past ? "deal.amount.closed" : "deal.amount.closes",
              money(deal.amount(), currency, speech.locale()),
              close));
    }
    if (deal.nextStep() != null && !deal.nextStep().isBlank()) {
      parts.add(speech.say("deal.nextstep", deal.nextStep()));
    } else if (keepsNextStep) {
      parts.add(speech.say("deal.nextstep.none"));
    }
    if (deal.lastActivityDate() != null) {
      parts.add(speech.say("deal.activity", deal.lastActivityDate().toString()));
    }
    return String.join(" ", parts);
  }

  /** The amount in the user's locale: with the currency when known, else the number alone. */
  static String money(BigDecimal amount, String currency, String locale) {
    if (currency != null) {
      return SpokenMoney.of(amount, currency, locale);
    }
    return NumberFormat.getNumberInstance(Locale.forLanguageTag(locale)).format(amount);
  }

  /** The deal's name, or its name and account where another choice has the same name. */
  static String label(Speech speech, Deal deal, List<Deal> among) {
    boolean twin =
        among.stream()
            .anyMatch(
                d ->
                    d != deal
                        && !d.id().equals(deal.id())
                        && d.name().equalsIgnoreCase(deal.name()));
    return twin && deal.accountName() != null
        ? speech.plain("deal.at", deal.name(), deal.accountName())
        : deal.name();
  }

  /** "Which one: Acme expansion, or Acme support renewal?" */
  static String which(Speech speech, List<Deal> deals) {
    List<String> labels = deals.stream().map(d -> label(speech, d, deals)).toList();
    String last = labels.get(labels.size() - 1);
    String first = String.join(", ", labels.subList(0, labels.size() - 1));
    return speech.say("deal.which", first, last);
  }

  static String cardTitle(Speech speech) {
    return speech.plain("deal.card.title");
  }

  static String cardText(Speech speech, Deal deal, String currency) {
    StringBuilder text = new StringBuilder(Speech.xmlSafe(deal.name()));
    if (deal.accountName() != null) {
      text.append('\n').append(Speech.xmlSafe(deal.accountName()));
    }
    for (String line : lines(speech, deal, currency)) {
      if (!line.isEmpty()) {
        text.append('\n').append(line);
      }
    }
    return text.toString();
  }

  private static List<String> lines(Speech speech, Deal deal, String currency) {
    return List.of(
        speech.plain("deal.card.stage", deal.stage()),
        deal.amount() == null
            ? ""
            : speech.plain("deal.card.amount", money(deal.amount(), currency, speech.locale())),
        speech.plain("deal.card.close", deal.closeDate().toString()),
        deal.nextStep() == null ? "" : speech.plain("deal.card.nextstep", deal.nextStep()),
        deal.lastActivityDate() == null
            ? ""
            : speech.plain("deal.card.activity", deal.lastActivityDate().toString()));
  }

  /** The deal document, with the deal in its data source. */
  static RenderDocumentDirective apl(Speech speech, Deal deal, String currency) {
    List<String> lines = lines(speech, deal, currency);
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("title", cardTitle(speech));
    details.put("name", Speech.xmlSafe(deal.name()));
    details.put("account", deal.accountName() == null ? "" : Speech.xmlSafe(deal.accountName()));
    details.put("stage", lines.get(0));
    details.put("amount", lines.get(1));
    details.put("closeDate", lines.get(2));
    details.put("nextStep", lines.get(3));
    details.put("lastActivity", lines.get(4));
    return RenderDocumentDirective.builder()
        .withToken(APL_TOKEN)
        .withDocument(DOCUMENT)
        .withDatasources(Map.of("deal", details))
        .build();
  }

  /** A list of deals under {@code title}: each one's label, its id in the touch's arguments. */
  static RenderDocumentDirective list(Speech speech, String title, List<Deal> deals) {
    List<Map<String, Object>> items = new ArrayList<>();
    for (Deal deal : deals) {
      Map<String, Object> item = new LinkedHashMap<>();
      item.put("id", deal.id());
      item.put("label", Speech.xmlSafe(label(speech, deal, deals)));
      items.add(item);
    }
    Map<String, Object> list = new LinkedHashMap<>();
    list.put("title", title);
    list.put("items", items);
    return RenderDocumentDirective.builder()
        .withToken(LIST_TOKEN)
        .withDocument(LIST)
        .withDatasources(Map.of("deals", list))
        .build();
  }

  private static Map<String, Object> load(String resource) {
    try (InputStream in = DealPresentation.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("missing " + resource);
      }
      return new ObjectMapper().readValue(in, new TypeReference<Map<String, Object>>() {});
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
