package com.crmvoice.intent.handlers;

import com.amazon.ask.model.interfaces.alexa.presentation.apl.RenderDocumentDirective;
import com.crmvoice.core.domain.Lead;
import com.crmvoice.intent.speech.Speech;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A lead as the user hears it, reads it on a card, and sees it on a screen (APL). */
final class LeadPresentation {

  static final String APL_TOKEN = "leadDetails";

  /** The token of the "which one" list; a touch on an item sends ["leadSelected", leadId]. */
  static final String CHOICE_TOKEN = "leadChoice";

  static final String SELECTED = "leadSelected";
  private static final Map<String, Object> DOCUMENT = load("/com/crmvoice/intent/apl/lead.json");
  private static final Map<String, Object> CHOICE = load("/com/crmvoice/intent/apl/leads.json");

  private LeadPresentation() {}

  /** "Your top lead is John Smith from Acme. You can reach them at …". */
  static String speech(Speech speech, Lead lead) {
    String who =
        lead.company() == null
            ? speech.say("toplead.found.nocompany", lead.fullName())
            : speech.say("toplead.found", lead.fullName(), lead.company());
    return who + " " + reach(speech, lead);
  }

  private static String reach(Speech speech, Lead lead) {
    boolean phone = lead.phone() != null && !lead.phone().isBlank();
    boolean email = lead.email() != null && !lead.email().isBlank();
    if (phone && email) {
      return speech.say("toplead.reach.both", lead.phone(), lead.email());
    }
    if (phone) {
      return speech.say("toplead.reach.phone", lead.phone());
    }
    if (email) {
      return speech.say("toplead.reach.email", lead.email());
    }
    return speech.say("toplead.reach.none");
  }

  static String cardTitle(Speech speech) {
    return speech.plain("card.title");
  }

  static String cardText(Speech speech, Lead lead) {
    StringBuilder text = new StringBuilder(Speech.xmlSafe(lead.fullName()));
    if (lead.company() != null) {
      text.append('\n').append(Speech.xmlSafe(lead.company()));
    }
    if (lead.phone() != null) {
      text.append('\n').append(speech.plain("card.phone", lead.phone()));
    }
    if (lead.email() != null) {
      text.append('\n').append(speech.plain("card.email", lead.email()));
    }
    if (lead.status() != null) {
      text.append('\n').append(speech.plain("card.status", lead.status()));
    }
    return text.toString();
  }

  /** The lead details document, with the lead in its data source. */
  static RenderDocumentDirective apl(Speech speech, Lead lead) {
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("title", speech.plain("card.title"));
    details.put("name", Speech.xmlSafe(lead.fullName()));
    details.put("company", lead.company() == null ? "" : Speech.xmlSafe(lead.company()));
    details.put("phone", lead.phone() == null ? "" : speech.plain("card.phone", lead.phone()));
    details.put("email", lead.email() == null ? "" : speech.plain("card.email", lead.email()));
    details.put("status", lead.status() == null ? "" : speech.plain("card.status", lead.status()));
    return RenderDocumentDirective.builder()
        .withToken(APL_TOKEN)
        .withDocument(DOCUMENT)
        .withDatasources(Map.of("lead", details))
        .build();
  }

  /** The "which one" list: each lead's name and company, its id in the touch's arguments. */
  static RenderDocumentDirective choice(Speech speech, List<Lead> leads) {
    List<Map<String, Object>> items = new ArrayList<>();
    for (Lead lead : leads) {
      Map<String, Object> item = new LinkedHashMap<>();
      item.put("id", lead.id());
      item.put("label", Speech.xmlSafe(LeadSession.label(speech, lead)));
      items.add(item);
    }
    Map<String, Object> choice = new LinkedHashMap<>();
    choice.put("title", speech.plain("apl.choice.title"));
    choice.put("items", items);
    return RenderDocumentDirective.builder()
        .withToken(CHOICE_TOKEN)
        .withDocument(CHOICE)
        .withDatasources(Map.of("choice", choice))
        .build();
  }

  private static Map<String, Object> load(String resource) {
    try (InputStream in = LeadPresentation.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("missing " + resource);
      }
      return new ObjectMapper().readValue(in, new TypeReference<Map<String, Object>>() {});
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
