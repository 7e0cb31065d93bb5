package io.github.cspkit.csp.billing;

import static java.util.Objects.requireNonNull;

import io.github.cspkit.csp.money.MinorUnits;
import io.github.cspkit.csp.time.DateRange;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The match of Partner Center's reconciliation file with the library's vendor charges (PCF-2,
 * NCE-10) for one period: every line is matched, missing on one side, or different.
 * <p>
 * The library's side is the charges whose {@code ChargeStartDate} falls in the period; the file's
 * side is every line of the file (a line outside the period can only be missing here). A file line
 * and a library line <em>correspond</em> when they have the same {@code SubscriptionId},
 * {@code ChargeStartDate} and {@code ChargeEndDate} and a subtotal of the same sign (a charge, or a
 * refund). Corresponding lines are <em>matched</em> when {@code Quantity}, {@code UnitPrice},
 * {@code EffectiveUnitPrice} and {@code Subtotal} are equal as numbers (and the file's
 * {@code Currency}, when it has one, is the charge's), else <em>different</em>, naming each column
 * with both values. Of several corresponding lines (two seat additions on one day, say), equal ones
 * are matched first, then the rest are paired in order; what is left is missing: <em>missing
 * here</em> (only in the file) or <em>missing there</em> (only in the library). Immutable.
 */
public final class Reconciliation {
  /**
   * A file line and the library's line that match.
   *
   * @param file the file's line
   * @param library the library's charge
   */
  public record Match(ReconciliationLine file, VendorCharge library) {
    /**
     * @param file file
     * @param library library
     */
    public Match {
      requireNonNull(file, "file");
      requireNonNull(library, "library");
    }
  }

  /**
   * One column whose values differ.
   *
   * @param column the column's name, for example {@code Quantity}
   * @param fileValue the file's value, as written
   * @param libraryValue the library's value
   */
  public record ColumnDifference(String column, String fileValue, String libraryValue) {
    /**
     * @param column column
     * @param fileValue fileValue
     * @param libraryValue libraryValue
     */
    public ColumnDifference {
      requireNonNull(column, "column");
      requireNonNull(fileValue, "fileValue");
      requireNonNull(libraryValue, "libraryValue");
    }

    @Override
    public String toString() {
      return column + " " + fileValue + " in the file, " + libraryValue + " here";
    }
  }

  /**
   * Corresponding lines whose figures differ.
   *
   * @param file the file's line
   * @param library the library's charge
   * @param columns the columns that differ, at least one
   */
  public record Difference(ReconciliationLine file, VendorCharge library,
      List<ColumnDifference> columns) {
    /**
     * @param file file
     * @param library library
     * @param columns columns
     */
    public Difference {
      requireNonNull(file, "file");
      requireNonNull(library, "library");
      columns = List.copyOf(columns);
      if (columns.isEmpty()) {
        throw new io.github.cspkit.csp.OutOfRangeException("a difference names at least one column");
      }
    }
  }

  private final DateRange period;
  private final List<Match> matched;
  private final List<ReconciliationLine> missingHere;
  private final List<VendorCharge> missingThere;
  private final List<Difference> different;

  private Reconciliation(DateRange period, List<Match> matched,
      List<ReconciliationLine> missingHere, List<VendorCharge> missingThere,
      List<Difference> different) {
    this.period = period;
    this.matched = List.copyOf(matched);
    this.missingHere = List.copyOf(missingHere);
    this.missingThere = List.copyOf(missingThere);
    this.different = List.copyOf(different);
  }

  /**
   * Matches a file with the library's charges.
   *
   * @param period the period, for example a month's days
   * @param file the file's lines
   * @param charges the library's vendor charges (of any period: those starting in {@code period}
   *     are kept)
   * @return the reconciliation
   */
  public static Reconciliation match(DateRange period, List<ReconciliationLine> file,
      List<VendorCharge> charges) {
    requireNonNull(period, "period");
    requireNonNull(file, "file");
    requireNonNull(charges, "charges");
    Map<String, List<ReconciliationLine>> fileByKey = new LinkedHashMap<>();
    for (ReconciliationLine f : file) {
      fileByKey.computeIfAbsent(key(f.subscriptionId(), f.chargeStartDate(), f.chargeEndDate(),
          f.isRefund()), k -> new ArrayList<>()).add(f);
    }
    Map<String, List<VendorCharge>> libraryByKey = new LinkedHashMap<>();
    List<VendorCharge> inPeriod = new ArrayList<>();
    for (VendorCharge c : charges) {
      if (period.contains(c.chargeStartDate())) {
        inPeriod.add(c);
        libraryByKey.computeIfAbsent(key(c.subscriptionId(), c.chargeStartDate(),
            c.chargeEndDate(), c.subtotalMinor() < 0), k -> new ArrayList<>()).add(c);
      }
    }
    Map<ReconciliationLine, Object> outcome = new java.util.IdentityHashMap<>(); // Match, Difference
    List<VendorCharge> usedCharges = new ArrayList<>();
    for (Map.Entry<String, List<ReconciliationLine>> e : fileByKey.entrySet()) {
      List<VendorCharge> candidates = new ArrayList<>(
          libraryByKey.getOrDefault(e.getKey(), List.of()));
      List<ReconciliationLine> unpaired = new ArrayList<>();
      for (ReconciliationLine f : e.getValue()) {
        VendorCharge equal = null;
        for (VendorCharge c : candidates) {
          if (differences(f, c).isEmpty()) {
            equal = c;
            break;
          }
        }
        if (equal != null) {
          candidates.remove(equal);
          usedCharges.add(equal);
          outcome.put(f, new Match(f, equal));
        } else {
          unpaired.add(f);
        }
      }
      for (ReconciliationLine f : unpaired) {
        if (candidates.isEmpty()) {
          break;
        }
        VendorCharge c = candidates.remove(0);
        usedCharges.add(c);
        outcome.put(f, new Difference(f, c, differences(f, c)));
      }
    }
    List<Match> matched = new ArrayList<>();
    List<Difference> different = new ArrayList<>();
    List<ReconciliationLine> missingHere = new ArrayList<>();
    for (ReconciliationLine f : file) {
      Object o = outcome.get(f);
      if (o instanceof Match m) {
        matched.add(m);
      } else if (o instanceof Difference d) {
        different.add(d);
      } else {
        missingHere.add(f);
      }
    }
    List<VendorCharge> missingThere = new ArrayList<>();
    java.util.Set<VendorCharge> used = java.util.Collections.newSetFromMap(
        new java.util.IdentityHashMap<>());
    used.addAll(usedCharges);
    for (VendorCharge c : inPeriod) {
      if (!used.contains(c)) {
        missingThere.add(c);
      }
    }
    return new Reconciliation(period, matched, missingHere, missingThere, different);
  }

  private static String key(String subscription, LocalDate start, LocalDate end, boolean refund) {
    return subscription + '\u0000' + start + '\u0000' + end + '\u0000' + refund;
  }

  /**
   * @param f a file line
   * @param c a library line
   * @return the columns in which they differ
   */
  static List<ColumnDifference> differences(ReconciliationLine f, VendorCharge c) {
    List<ColumnDifference> out = new ArrayList<>(2);
    int digits = MinorUnits.digits(c.currency());
    if (f.quantity().compareTo(BigDecimal.valueOf(c.quantity())) != 0) {
      out.add(new ColumnDifference("Quantity", f.quantity().toPlainString(),
          Integer.toString(c.quantity())));
    }
    amount(out, "UnitPrice", f.unitPrice(), c.unitPriceMinor(), digits, c);
    amount(out, "EffectiveUnitPrice", f.effectiveUnitPrice(), c.effectiveUnitPriceMinor(), digits,
        c);
    amount(out, "Subtotal", f.subtotal(), c.subtotalMinor(), digits, c);
    String code = c.currency().getCurrencyCode();
    if (!f.currency().isEmpty() && !f.currency().equalsIgnoreCase(code)) {
      out.add(new ColumnDifference("Currency", f.currency(), code));
    }
    return out;
  }

  private static void amount(List<ColumnDifference> out, String column, BigDecimal file,
      long libraryMinor, int digits, VendorCharge c) {
    if (file.compareTo(BigDecimal.valueOf(libraryMinor, digits)) != 0) {
      out.add(new ColumnDifference(column, file.toPlainString(),
          MinorUnits.format(libraryMinor, c.currency())));
    }
  }

  /** @return the period */
  public DateRange period() {
    return period;
  }

  /** @return the lines matched, in the file's order */
  public List<Match> matched() {
    return matched;
  }

  /** @return the file's lines that the library does not have, in the file's order */
  public List<ReconciliationLine> missingHere() {
    return missingHere;
  }

  /** @return the library's charges of the period that the file does not have */
  public List<VendorCharge> missingThere() {
    return missingThere;
  }

  /** @return the corresponding lines whose figures differ, in the file's order */
  public List<Difference> different() {
    return different;
  }

  /** @return whether every line matched */
  public boolean isClean() {
    return missingHere.isEmpty() && missingThere.isEmpty() && different.isEmpty();
  }

  @Override
  public String toString() {
    return "Reconciliation{" + period + ": matched " + matched.size() + ", missing here "
        + missingHere.size() + ", missing there " + missingThere.size() + ", different "
        + different.size() + "}";
  }
}
