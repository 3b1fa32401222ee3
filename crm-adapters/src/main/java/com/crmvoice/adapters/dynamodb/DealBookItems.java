package com.crmvoice.adapters.dynamodb;

import static com.crmvoice.adapters.dynamodb.AttributeValues.s;

import com.crmvoice.core.domain.deal.Deal;
import com.crmvoice.core.domain.deal.DealBook;
import com.crmvoice.core.domain.deal.FiscalPeriod;
import com.crmvoice.core.domain.deal.PeriodFigures;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * A {@link DealBook} as the attributes of its one item: the open deals as a list of maps, the
 * period figures as another. Amounts are DynamoDB numbers (exact decimals, never doubles).
 */
final class DealBookItems {

  private DealBookItems() {}

  static final String DEALS = "deals";
  static final String FIGURES = "figures";

  static AttributeValue deals(List<Deal> deals) {
    List<AttributeValue> list = new ArrayList<>();
    for (Deal d : deals) {
      Map<String, AttributeValue> m = new HashMap<>();
      m.put("id", s(d.id()));
      m.put("name", s(d.name()));
      put(m, "account", d.accountName());
      m.put("stage", s(d.stage()));
      putNumber(m, "amount", d.amount());
      put(m, "currency", d.currencyIsoCode());
      m.put("close", s(d.closeDate().toString()));
      if (d.probability() != null) {
        m.put("probability", AttributeValue.fromN(d.probability().toString()));
      }
      put(m, "forecast", d.forecastCategory());
      put(m, "nextStep", d.nextStep());
      put(m, "lastActivity", d.lastActivityDate() == null ? null : d.lastActivityDate().toString());
      put(m, "modified", d.lastModifiedAt() == null ? null : d.lastModifiedAt().toString());
      list.add(AttributeValue.fromM(m));
    }
    return AttributeValue.fromL(list);
  }

  static List<Deal> deals(String ownerId, AttributeValue value) {
    List<Deal> deals = new ArrayList<>();
    if (value == null || !value.hasL()) {
      return deals;
    }
    for (AttributeValue item : value.l()) {
      Map<String, AttributeValue> m = item.m();
      String probability = number(m, "probability");
      String lastActivity = str(m, "lastActivity");
      String modified = str(m, "modified");
      deals.add(
          new Deal(
              str(m, "id"),
              ownerId,
              str(m, "name"),
              str(m, "account"),
              str(m, "stage"),
              decimal(m, "amount"),
              str(m, "currency"),
              LocalDate.parse(str(m, "close")),
              probability == null ? null : Integer.valueOf(probability),
              str(m, "forecast"),
              str(m, "nextStep"),
              lastActivity == null ? null : LocalDate.parse(lastActivity),
              modified == null ? null : Instant.parse(modified)));
    }
    return deals;
  }

  static AttributeValue figures(List<PeriodFigures> figures) {
    List<AttributeValue> list = new ArrayList<>();
    for (PeriodFigures f : figures) {
      Map<String, AttributeValue> m = new HashMap<>();
      m.put("kind", s(f.period().kind().name()));
      m.put("start", s(f.period().start().toString()));
      m.put("end", s(f.period().end().toString()));
      m.put("number", AttributeValues.n(f.period().number()));
      m.put("fiscalYear", AttributeValues.n(f.period().fiscalYear()));
      m.put("currency", s(f.currencyIsoCode()));
      putNumber(m, "open", f.openAmount());
      m.put("openCount", AttributeValues.n(f.openCount()));
      putNumber(m, "weighted", f.weightedAmount());
      putNumber(m, "won", f.wonAmount());
      m.put("wonCount", AttributeValues.n(f.wonCount()));
      List<AttributeValue> top = new ArrayList<>();
      for (PeriodFigures.StageAmount stage : f.topStages()) {
        Map<String, AttributeValue> t = new HashMap<>();
        t.put("stage", s(stage.stage()));
        putNumber(t, "amount", stage.amount());
        t.put("count", AttributeValues.n(stage.count()));
        top.add(AttributeValue.fromM(t));
      }
      m.put("top", AttributeValue.fromL(top));
      list.add(AttributeValue.fromM(m));
    }
    return AttributeValue.fromL(list);
  }

  static List<PeriodFigures> figures(AttributeValue value) {
    List<PeriodFigures> figures = new ArrayList<>();
    if (value == null || !value.hasL()) {
      return figures;
    }
    for (AttributeValue item : value.l()) {
      Map<String, AttributeValue> m = item.m();
      List<PeriodFigures.StageAmount> top = new ArrayList<>();
      for (AttributeValue t : m.get("top").l()) {
        top.add(
            new PeriodFigures.StageAmount(
                str(t.m(), "stage"),
                decimal(t.m(), "amount"),
                Integer.parseInt(number(t.m(), "count"))));
      }
      figures.add(
          new PeriodFigures(
              new FiscalPeriod(
                  FiscalPeriod.Kind.valueOf(str(m, "kind")),
                  LocalDate.parse(str(m, "start")),
                  LocalDate.parse(str(m, "end")),
                  Integer.parseInt(number(m, "number")),
                  Integer.parseInt(number(m, "fiscalYear"))),
              str(m, "currency"),
              decimal(m, "open"),
              Integer.parseInt(number(m, "openCount")),
              decimal(m, "weighted"),
              top,
              decimal(m, "won"),
              Integer.parseInt(number(m, "wonCount"))));
    }
    return figures;
  }

  private static void put(Map<String, AttributeValue> m, String name, String value) {
    if (value != null) {
      m.put(name, s(value));
    }
  }

  private static void putNumber(Map<String, AttributeValue> m, String name, BigDecimal value) {
    if (value != null) {
      m.put(name, AttributeValue.fromN(value.toPlainString()));
    }
  }

  private static String str(Map<String, AttributeValue> m, String name) {
    AttributeValue v = m.get(name);
    return v == null ? null : v.s();
  }

  private static String number(Map<String, AttributeValue> m, String name) {
    AttributeValue v = m.get(name);
    return v == null ? null : v.n();
  }

  private static BigDecimal decimal(Map<String, AttributeValue> m, String name) {
    String n = number(m, name);
    return n == null ? null : new BigDecimal(n);
  }
}
