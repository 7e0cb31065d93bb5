package io.github.cspkit.csp.catalog;

/** The market segment of a SKU or customer (CAT-2). */
public enum Segment {
  /** Sold to every customer. */
  COMMERCIAL,
  /** Sold only to customers verified as government. */
  GOVERNMENT,
  /** Sold only to customers verified as education. */
  EDUCATION
}
