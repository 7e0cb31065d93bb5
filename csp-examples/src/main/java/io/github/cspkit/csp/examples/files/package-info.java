/**
 * Partner Center's files in and out (PCF-1, PCF-2), read and written with Apache Commons CSV: the
 * new-commerce price list file ({@link io.github.cspkit.csp.examples.files.PriceListFile}), the
 * invoice reconciliation file ({@link io.github.cspkit.csp.examples.files.ReconciliationFile},
 * {@link io.github.cspkit.csp.examples.files.ReconciliationReport}), and the bill export for PSA
 * and accounting tools ({@link io.github.cspkit.csp.examples.files.BillExport}). The pure rules
 * (validation, mapping, matching) live in csp-core; this package does the I/O.
 */
@NullMarked
package io.github.cspkit.csp.examples.files;

import org.jspecify.annotations.NullMarked;
