package io.github.cspkit.csp.partner;

import static java.util.Objects.requireNonNull;

import io.github.cspkit.csp.access.Operation;
import io.github.cspkit.csp.internal.Checks;
import io.github.cspkit.csp.pricing.ImportedPriceList;
import io.github.cspkit.csp.pricing.PriceList;
import io.github.cspkit.csp.repository.PricingPayload;

/** The price lists' commands (PRC-1, PRC-2, PCF-1), documented on {@link CspPartner}. */
final class PriceCommands {
  private final Pipeline pipeline;
  private final Context context;

  PriceCommands(Pipeline pipeline) {
    this.pipeline = requireNonNull(pipeline, "pipeline");
    this.context = pipeline.context();
  }

  /** {@link CspPartner#publishPriceList}; the signature names a list by its id. */
  Result<PriceList> publish(Request r, PriceList list) {
    requireNonNull(list, "list");
    Checks.range(list.publishedOn().equals(requireNonNull(r, "r").date()),
        "list %s is published on %s, not on the request's day %s", list.id(), list.publishedOn(),
        r.date());
    return pipeline.run(r, Command.of("publishPriceList", Arguments.of().text(list.id()),
        Operation.PUBLISH_PRICE_LIST, null, AgreementNeed.NONE, (tx, out) -> {
          // these policies (PRC-1, PRC-2), and the store's own
          context.policies().priceLists().validate(list);
          tx.priceLists().add(list);
          out.event(list.id(), r.date(), list.market() + " " + list.currency().getCurrencyCode()
              + " effective " + list.effectiveOn(), new PricingPayload.Published(list.market(),
                  list.currency(), list.effectiveOn()));
          return list;
        }, Aggregate.PRICE_LIST));
  }

  /** {@link CspPartner#importPriceList}. */
  Result<PriceList> importList(Request r, ImportedPriceList list) {
    requireNonNull(list, "list");
    PriceList seed = list.priceList();
    return pipeline.run(r, Command.of("importPriceList", Arguments.of().text(seed.id()),
        Operation.IMPORT_PRICE_LIST, null, AgreementNeed.NONE,
        () -> Checks.rule(!r.date().isBefore(seed.publishedOn()), "PCF-1",
            "list %s is published on %s; it cannot be imported before, on %s", seed.id(),
            seed.publishedOn(), r.date()), (tx, out) -> {
          context.policies().priceLists().validate(seed);
          if (tx.priceLists().find(seed.id()).filter(seed::equals).isEmpty()) {
            tx.priceLists().add(seed);
          }
          int rows = list.rows().prices().size();
          int unmapped = list.unmapped().size();
          out.event(seed.id(), r.date(), seed.market() + " " + seed.currency().getCurrencyCode()
              + " " + list.month() + " published " + seed.publishedOn() + ": " + rows + " rows, "
              + unmapped + " products not mapped", new PricingPayload.Imported(seed.market(),
                  seed.currency(), list.month(), seed.publishedOn(), rows, unmapped));
          return seed;
        }, Aggregate.PRICE_LIST));
  }
}
