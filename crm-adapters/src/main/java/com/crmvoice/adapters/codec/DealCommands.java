package com.crmvoice.adapters.codec;

import static com.crmvoice.adapters.codec.CommandCodec.date;
import static com.crmvoice.adapters.codec.CommandCodec.instant;
import static com.crmvoice.adapters.codec.CommandCodec.text;

import com.crmvoice.core.domain.UpdateOpportunity;
import com.crmvoice.core.domain.deal.DealChanges;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.time.Instant;

/** The {@code UpdateOpportunity} fields of {@link CommandCodec}'s format (see its comment). */
final class DealCommands {

  private DealCommands() {}

  static void encode(ObjectNode root, UpdateOpportunity update) {
    root.putObject("deal").put("id", update.dealId()).put("name", update.dealName());
    ObjectNode heard = root.putObject("heard");
    heard.put("stage", update.heardStage());
    if (update.heardAmount() != null) {
      heard.put("amount", update.heardAmount().toPlainString());
    }
    heard.put("closeDate", update.heardCloseDate().toString());
    if (update.heardNextStep() != null) {
      heard.put("nextStep", update.heardNextStep());
    }
    if (update.heardModifiedAt() != null) {
      heard.put("modifiedAt", update.heardModifiedAt().toString());
    }
    ObjectNode set = root.putObject("set");
    DealChanges changes = update.changes();
    if (changes.stage() != null) {
      set.put("stage", changes.stage());
    }
    if (changes.amount() != null) {
      set.put("amount", changes.amount().toPlainString());
    }
    if (changes.closeDate() != null) {
      set.put("closeDate", changes.closeDate().toString());
    }
    if (changes.nextStep() != null) {
      set.put("nextStep", changes.nextStep());
    }
  }

  static UpdateOpportunity decode(
      JsonNode root, String commandId, String ownerId, Instant requestedAt) {
    JsonNode deal = object(root, "deal");
    JsonNode heard = object(root, "heard");
    JsonNode set = object(root, "set");
    try {
      String modified = text(heard, "modifiedAt", false);
      String setDate = text(set, "closeDate", false);
      return new UpdateOpportunity(
          commandId,
          ownerId,
          text(deal, "id", true),
          text(deal, "name", true),
          text(heard, "stage", true),
          amount(text(heard, "amount", false)),
          date(text(heard, "closeDate", true), "heard.closeDate"),
          text(heard, "nextStep", false),
          modified == null ? null : instant(modified, "heard.modifiedAt"),
          new DealChanges(
              text(set, "stage", false),
              amount(text(set, "amount", false)),
              setDate == null ? null : date(setDate, "set.closeDate"),
              text(set, "nextStep", false)),
          requestedAt);
    } catch (IllegalArgumentException e) {
      throw new MalformedCommandException(
          "UpdateOpportunity breaks the command's rules: " + e.getMessage());
    }
  }

  private static JsonNode object(JsonNode root, String field) {
    JsonNode node = root.get(field);
    if (node == null || !node.isObject()) {
      throw new MalformedCommandException("no " + field + " object");
    }
    return node;
  }

  private static BigDecimal amount(String value) {
    if (value == null) {
      return null;
    }
    try {
      return new BigDecimal(value);
    } catch (NumberFormatException e) {
      throw new MalformedCommandException("an amount is not a decimal number");
    }
  }
}
