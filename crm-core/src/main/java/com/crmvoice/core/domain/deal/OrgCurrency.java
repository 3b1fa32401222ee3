package com.crmvoice.core.domain.deal;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Map;
import java.util.Objects;

/**
 * The org's currency: the one currency of a single-currency org, or the corporate currency and the
 * conversion rates of a multi-currency org (for Salesforce, CurrencyType: units of a currency per
 * one unit of the corporate currency).
 */
public record OrgCurrency(
    String corporateIsoCode, boolean multiCurrency, Map<String, BigDecimal> rates) {

  public OrgCurrency {
    Objects.requireNonNull(corporateIsoCode, "corporateIsoCode");
    if (!corporateIsoCode.matches("[A-Z]{3}")) {
      throw new IllegalArgumentException("not an ISO 4217 code: " + corporateIsoCode);
    }
    rates = Map.copyOf(rates);
  }

  public static OrgCurrency single(String isoCode) {
    return new OrgCurrency(isoCode, false, Map.of());
  }

  /** The currency a deal's amount is in. */
  public String currencyOf(Deal deal) {
    return multiCurrency && deal.currencyIsoCode() != null
        ? deal.currencyIsoCode()
        : corporateIsoCode;
  }

  /**
   * An amount in {@code isoCode} in the corporate currency, to the cent. A currency the org has no
   * rate for is taken as it is (Salesforce refuses such a record, so it does not occur in a
   * consistent org).
   */
  public BigDecimal toCorporate(BigDecimal amount, String isoCode) {
    if (!multiCurrency || isoCode == null || isoCode.equals(corporateIsoCode)) {
      return amount;
    }
    BigDecimal rate = rates.get(isoCode);
    if (rate == null || rate.signum() <= 0) {
      return amount;
    }
    return amount.divide(rate, MathContext.DECIMAL64).setScale(2, RoundingMode.HALF_EVEN);
  }
}
