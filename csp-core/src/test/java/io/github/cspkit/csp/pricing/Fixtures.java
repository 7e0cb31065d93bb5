package io.github.cspkit.csp.pricing;

import static io.github.cspkit.csp.testkit.Days.d;

import io.github.cspkit.csp.money.MinorUnits;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.money.CurrencyUnit;
import javax.money.MonetaryAmount;

/** Short ways to write price lists in tests. */
final class Fixtures {
  static final CurrencyUnit USD = MinorUnits.USD;
  static final CurrencyUnit EUR = MinorUnits.EUR;
  static final CurrencyUnit JPY = MinorUnits.JPY;
  static final CurrencyUnit BHD = MinorUnits.BHD;

  private Fixtures() {}

  static MonetaryAmount amount(String text, CurrencyUnit currency) {
    return MinorUnits.toAmount(MinorUnits.parse(text, currency), currency);
  }

  /**
   * @param id the id
   * @param market the market
   * @param currency the currency
   * @param month "2025-03"
   * @param published "2025-01-15"
   * @param skuAndPrice "O365_E3", "240.00", ...
   * @return the list, effective on the month's first day
   */
  static PriceList list(
      String id, String market, CurrencyUnit currency, String month, String published,
      String... skuAndPrice) {
    Map<String, MonetaryAmount> prices = new LinkedHashMap<>();
    for (int i = 0; i < skuAndPrice.length; i += 2) {
      prices.put(skuAndPrice[i], amount(skuAndPrice[i + 1], currency));
    }
    return PriceList.of(
        id, market, currency, d(published), YearMonth.parse(month).atDay(1), prices);
  }
}
