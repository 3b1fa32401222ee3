package com.crmvoice.core.domain.deal;

/**
 * One value of the org's opportunity stage picklist, with what the CRM sets with it (for
 * Salesforce, the OpportunityStage record: default probability and forecast category).
 *
 * @param value the API value a write sends ("Closed Won")
 * @param label what the org shows for it
 * @param sortOrder the stage's place in the sales process
 * @param defaultProbability percent the CRM sets when a deal enters this stage
 * @param forecastCategory the forecast category the CRM sets ("Pipeline", "Closed", "Omitted")
 * @param closed whether a deal in this stage is closed
 * @param won whether a deal in this stage is won (only a closed stage is won)
 */
public record DealStage(
    String value,
    String label,
    int sortOrder,
    Integer defaultProbability,
    String forecastCategory,
    boolean closed,
    boolean won) {

  public DealStage {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException("value must not be blank");
    }
    if (won && !closed) {
      throw new IllegalArgumentException("a won stage is closed");
    }
    label = label == null || label.isBlank() ? value : label;
  }
}
