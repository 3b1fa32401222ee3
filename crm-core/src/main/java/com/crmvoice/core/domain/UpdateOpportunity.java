package com.crmvoice.core.domain;

import com.crmvoice.core.domain.deal.DealChanges;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

/**
 * Update one opportunity (stage, amount, close date or next step), but only if it is still as the
 * user heard it. What the user heard travels with the command: the read-back's "from" values and
 * the record's version.
 *
 * @param dealName the deal's name as the user heard it ("Acme expansion")
 * @param heardStage the stage the user heard
 * @param heardAmount the amount the user heard; null when it had none
 * @param heardCloseDate the close date the user heard
 * @param heardNextStep the next step the user heard; null when it had none
 * @param heardModifiedAt the deal's LastModifiedDate as the user heard it; null when unknown, and
 *     then the heard values are the version
 * @param changes what to set
 */
public record UpdateOpportunity(
    String commandId,
    String ownerId,
    String dealId,
    String dealName,
    String heardStage,
    BigDecimal heardAmount,
    LocalDate heardCloseDate,
    String heardNextStep,
    Instant heardModifiedAt,
    DealChanges changes,
    Instant requestedAt)
    implements CrmCommand {

  public UpdateOpportunity {
    LeadActivity.requireText(commandId, "commandId");
    LeadActivity.requireText(ownerId, "ownerId");
    LeadActivity.requireText(dealId, "dealId");
    LeadActivity.requireText(dealName, "dealName");
    LeadActivity.requireText(heardStage, "heardStage");
    Objects.requireNonNull(heardCloseDate, "heardCloseDate");
    Objects.requireNonNull(changes, "changes");
    Objects.requireNonNull(requestedAt, "requestedAt");
  }

  @Override
  public String summary() {
    return dealName;
  }

  @Override
  public String subjectName() {
    return dealName;
  }
}
