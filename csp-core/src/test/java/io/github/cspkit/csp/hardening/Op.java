package io.github.cspkit.csp.hardening;

import java.util.List;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.SourceDSL;
import org.quicktheories.impl.Constraint;

/**
 * One small, readable descriptor of a partner call, interpreted against the current state by
 * {@link SequenceRunner}. Every field shrinks towards 0, and 0 means "the plain, valid choice": the
 * proper actor, the first customer or subscription, one seat, the first variant, today. So a
 * shrunk failing sequence reads as the fewest, simplest calls that still fail.
 *
 * @param kind what is called
 * @param who who calls it ({@link Who#PROPER} is the actor that may)
 * @param target which customer or subscription, by index into the current ones; 36 to 39 name an
 *     unknown id
 * @param n seats, an amount or a billing day; may be zero, negative or too many
 * @param variant a small choice whose meaning depends on the kind (SKU, channel, currency...)
 * @param days the op's day relative to "now": 0 to 9 days ahead, or a negative back-dating
 */
record Op(Kind kind, Who who, int target, int n, int variant, int days) {
  /** What is called. The order matters only for shrinking: earlier kinds are "simpler". */
  enum Kind {
    ADVANCE(12), ORDER(12), ADD_SEATS(10), REMOVE_SEATS(6), ADD_ON(6), SUSPEND(4), REACTIVATE(4),
    CANCEL(3), AUTO_RENEW(2), REPEAT(6), ADD_SERVICE(3), CONVERT_TRIAL(2), CREATE_CUSTOMER(2),
    SET_BILLING_PROFILE(2), SET_FINANCING(2), PUBLISH(2), ORDER_UNPUBLISHED(1), NOTICE(2),
    REMOVE_DELEGATED_ADMIN(1), ADMINISTER(1), CONFIGURE(1), QUOTE(1), QUOTE_ADD_SEATS(2);

    final int weight;

    Kind(int weight) {
      this.weight = weight;
    }
  }

  /** Who calls. */
  enum Who {
    PROPER, CUSTOMER_ADMIN, CUSTOMER_USER, DISTRIBUTOR, OTHER_PARTNER, NO_RIGHTS, OWN_TENANT_ONLY,
    DELEGATED_ONLY, VENDOR
  }

  /** Targets from this value on name an unknown id. */
  static final int UNKNOWN_FROM = 36;

  private static final int TOTAL_WEIGHT;

  static {
    int sum = 0;
    for (Kind k : Kind.values()) {
      sum += k.weight;
    }
    TOTAL_WEIGHT = sum;
  }

  private static Kind kindAt(long draw) {
    long left = draw;
    for (Kind k : Kind.values()) {
      if (left < k.weight) {
        return k;
      }
      left -= k.weight;
    }
    throw new IllegalStateException("draw " + draw);
  }

  private static Constraint upTo(long max) {
    return Constraint.between(0, max).withShrinkPoint(0);
  }

  /** @return single ops: mostly valid calls by the proper actor, some deliberately invalid */
  static Gen<Op> ops() {
    return in -> {
      Kind kind = kindAt(in.next(upTo(TOTAL_WEIGHT - 1)));
      int w = (int) in.next(upTo(29));
      Who who = w < 22 ? Who.PROPER : Who.values()[1 + (w - 22)];
      int target = (int) in.next(upTo(39));
      int nClass = (int) in.next(upTo(19));
      int mag = (int) in.next(upTo(24));
      int n = nClass < 16 ? 1 + mag : nClass == 16 ? 0 : nClass == 17 ? -1 - mag
          : nClass == 18 ? 301 + mag : Integer.MAX_VALUE;
      int variant = (int) in.next(upTo(9));
      int back = (int) in.next(upTo(11));
      int dmag = (int) in.next(upTo(9));
      int days = back == 11 ? -(1 + 3 * dmag) : dmag;
      return new Op(kind, who, target, n, variant, days);
    };
  }

  /**
   * @param min the fewest ops
   * @param max the most ops
   * @return whole sequences: a seed for the setup, the bill-run mode, and the ops
   */
  static Gen<Sequence> sequences(int min, int max) {
    return SourceDSL.longs().between(0, Long.MAX_VALUE).zip(SourceDSL.booleans().all(),
        SourceDSL.lists().of(ops()).ofSizeBetween(min, max), Sequence::new);
  }

  @Override
  public String toString() {
    return kind + " by " + who + " t=" + target + " n=" + n + " v=" + variant + " d=" + days;
  }

  /**
   * A generated sequence.
   *
   * @param seed the setup's seed (start month, price lists, first customers)
   * @param nightly whether every due bill is issued the night before each op (else only the
   *     {@link Kind#ADVANCE} ops issue bills, possibly late)
   * @param ops the ops
   */
  record Sequence(long seed, boolean nightly, List<Op> ops) {
    @Override
    public String toString() {
      StringBuilder sb = new StringBuilder("Sequence(seed=").append(seed).append("L, nightly=")
          .append(nightly).append(", ").append(ops.size()).append(" ops)");
      for (int i = 0; i < ops.size(); i++) {
        sb.append("\n  #").append(i).append(' ').append(ops.get(i));
      }
      return sb.toString();
    }
  }
}
