/**
 * csp: the rules of Microsoft's Cloud Solution Provider program for a reseller partner, as an
 * embeddable library. The module exports what an integrator uses: the entry point
 * ({@code io.github.cspkit.csp.partner.CspPartner}), the values and policies of each rule group,
 * the repository SPI with its in-memory store, the bill renderers and the refusals
 * ({@code io.github.cspkit.csp.CspException}). The operations behind the entry point, which
 * check the rules but not the actor, live in packages it does not export.
 */
module io.github.cspkit.csp {
  requires transitive java.money; // MonetaryAmount and CurrencyUnit in the API
  requires org.javamoney.moneta; // the MonetaryAmount implementation, used inside
  requires com.google.common; // immutable collections inside; never in a public signature
  requires static org.immutables.value; // annotations only, at compile time
  // Nullness annotations (@NullMarked packages, @Nullable types) in class files: read by nullness
  // tools, never needed to run or to compile against the module (javac ignores an absent marker
  // annotation), so static; the Maven dependency is not optional, so consumers' tools find them.
  requires static org.jspecify;

  exports io.github.cspkit.csp;
  exports io.github.cspkit.csp.access;
  exports io.github.cspkit.csp.agreement;
  exports io.github.cspkit.csp.billing;
  exports io.github.cspkit.csp.catalog;
  exports io.github.cspkit.csp.customer;
  exports io.github.cspkit.csp.money;
  exports io.github.cspkit.csp.partner;
  exports io.github.cspkit.csp.pricing;
  exports io.github.cspkit.csp.repository;
  exports io.github.cspkit.csp.subscription;
  exports io.github.cspkit.csp.time;
}
