package consumer;

import io.github.cspkit.csp.access.Actor;
import io.github.cspkit.csp.access.Partner;
import io.github.cspkit.csp.billing.Bill;
import io.github.cspkit.csp.billing.BillText;
import io.github.cspkit.csp.catalog.Catalog;
import io.github.cspkit.csp.catalog.ProductFamily;
import io.github.cspkit.csp.catalog.Sku;
import io.github.cspkit.csp.money.MinorUnits;
import io.github.cspkit.csp.partner.CspPartner;
import io.github.cspkit.csp.partner.NewCustomer;
import io.github.cspkit.csp.partner.Request;
import io.github.cspkit.csp.pricing.PriceList;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

/** A modular consumer of csp: orders seats and prints the bill. */
public final class Main {
  private Main() {}

  /**
   * Runs it.
   *
   * @param args none
   */
  public static void main(String[] args) {
    Sku e3 = Sku.builder().id("O365_E3").family(ProductFamily.OFFICE_365).maxSeats(300).build();
    CspPartner csp = CspPartner.inMemory(Partner.csp("northwind"), Catalog.of(List.of(e3)));
    Actor agent = Actor.partnerAdmin("northwind", "alice");
    csp.acceptAgreement(Request.of(agent, LocalDate.parse("2024-10-01")));
    csp.publishPriceList(Request.of(Actor.vendor(), LocalDate.parse("2024-12-30")),
        PriceList.builder().id("L2502").market("US").currency(MinorUnits.USD)
            .publishedOn(LocalDate.parse("2024-12-30")).effectiveOn(LocalDate.parse("2025-02-01"))
            .putPrices("O365_E3", MinorUnits.toAmount(24000, MinorUnits.USD)).build());
    csp.createCustomer(Request.of(agent, LocalDate.parse("2025-01-20")), NewCustomer.builder()
        .id("contoso").market("US").billingDay(1).currency(MinorUnits.USD).build());
    csp.order(Request.of(agent, LocalDate.parse("2025-02-10")), "contoso", "O365_E3", 10, "S1");
    csp.issueBills(Request.of(agent, LocalDate.parse("2025-04-01")));
    Bill march = csp.bill("contoso", YearMonth.of(2025, 3)).orElseThrow();
    System.out.print(BillText.render(march));
    System.out.println("total " + march.total());
  }
}
