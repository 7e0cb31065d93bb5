package io.github.cspkit.csp.partner;

import static java.util.Objects.requireNonNull;

import io.github.cspkit.csp.access.GdapRequest;
import io.github.cspkit.csp.access.RoleAssignment;
import io.github.cspkit.csp.billing.FinancingPlan;
import io.github.cspkit.csp.customer.BillingProfile;
import io.github.cspkit.csp.subscription.ScheduledChange;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import javax.money.CurrencyUnit;
import javax.money.MonetaryAmount;

/**
 * A command's declared arguments in one canonical text, part of the signature its idempotency
 * record keeps ({@link Command}): a key presented again with other arguments is refused
 * {@code KEY_REUSED}. Each argument is written by its declared type, never by {@code toString()}:
 * text bare when it has only ASCII letters, digits and {@code -_.:/@} (ids, SKUs), otherwise
 * in double quotes with {@code "} and {@code \} escaped by {@code \}; whole numbers in
 * decimal; flags {@code true}/{@code false}; days ISO-8601; enum constants by name; currencies by
 * code; amounts as code, space and plain decimal without trailing zeros; a value as
 * {@code Type{field, ...}} through its explicit encoding below, fields in the order written there
 * (an absent optional field empty); a list as {@code [item, ...]}.
 * Arguments are separated by {@code ", "}. A builder: not thread-safe, used by one command.
 */
final class Arguments {
  private final StringBuilder text = new StringBuilder(48);
  private int count;

  private Arguments() {}

  /** @return no arguments yet */
  static Arguments of() {
    return new Arguments();
  }

  /**
   * @return this, with a new customer as {@code NewCustomer{id, name, market, segment, verified,
   *     billingDay, currency, tenant}}
   */
  Arguments value(NewCustomer c) {
    return value("NewCustomer", of().text(c.id()).text(c.name()).text(c.market())
        .choice(c.segment()).flag(c.verified()).number(c.billingDay()).currency(c.currency())
        .choice(c.tenant()));
  }

  /** @return this, with a billing profile as {@code BillingProfile{billingDay, currency}} */
  Arguments value(BillingProfile p) {
    return value("BillingProfile", of().number(p.billingDay()).currency(p.currency()));
  }

  /**
   * @return this, with a financing plan as
   *     {@code FinancingPlan{kind, discountBasisPoints, instalments}}
   */
  Arguments value(FinancingPlan p) {
    return value("FinancingPlan", of().choice(p.kind()).number(p.discountBasisPoints())
        .number(p.instalments()));
  }

  /**
   * @return this, with a GDAP request as {@code GdapRequest{id, partnerId, customerId,
   *     [RoleAssignment{role, [group, ...]}, ...], duration, autoExtend}}: the roles in the
   *     request's order, each one's groups sorted, the duration ISO-8601
   */
  Arguments value(GdapRequest g) {
    Arguments roles = of();
    for (RoleAssignment a : g.assignments()) {
      Arguments groups = of();
      a.groups().stream().sorted().forEach(groups::text);
      roles.value("RoleAssignment", of().text(a.role()).list(groups));
    }
    return value("GdapRequest", of().text(g.id()).text(g.partnerId()).text(g.customerId())
        .list(roles).text(g.duration().toString()).flag(g.autoExtend()));
  }

  /** @return this, with an order's lines as {@code [OrderLine{sku, seats, subscriptionId}, ...]} */
  Arguments lines(List<OrderLine> lines) {
    Arguments items = of();
    for (OrderLine l : lines) {
      items.value("OrderLine", of().text(l.skuId()).number(l.seats()).text(l.subscriptionId()));
    }
    return list(items);
  }

  /**
   * @return this, with changes scheduled for the next term as
   *     {@code ScheduledChange{seats, term, plan, sku}}, a change not scheduled left empty
   */
  Arguments value(ScheduledChange c) {
    Arguments fields = of();
    if (c.seats().isPresent()) {
      fields.number(c.seats().getAsInt());
    } else {
      fields.next();
    }
    c.term().ifPresentOrElse(fields::choice, fields::next);
    c.plan().ifPresentOrElse(fields::choice, fields::next);
    c.sku().ifPresentOrElse(fields::text, fields::next);
    return value("ScheduledChange", fields);
  }

  /** @return this, with a list of arguments as {@code [a, b, ...]} */
  Arguments list(Arguments items) {
    next().append('[').append(items.text).append(']');
    return this;
  }

  /** @return this, with a text argument: bare when plain, quoted otherwise */
  Arguments text(String value) {
    requireNonNull(value, "value");
    StringBuilder b = next();
    if (plain(value)) {
      b.append(value);
      return this;
    }
    b.append('"');
    for (int i = 0, n = value.length(); i < n; i++) {
      char ch = value.charAt(i);
      if (ch == '"' || ch == '\\') {
        b.append('\\');
      }
      b.append(ch);
    }
    b.append('"');
    return this;
  }

  /** Whether a text reads back unambiguously without quotes: letters, digits and {@code -_.:/@}. */
  private static boolean plain(String value) {
    if (value.isEmpty()) {
      return false;
    }
    for (int i = 0, n = value.length(); i < n; i++) {
      char ch = value.charAt(i);
      if (!(ch >= 'a' && ch <= 'z' || ch >= 'A' && ch <= 'Z' || ch >= '0' && ch <= '9'
          || "-_.:/@".indexOf(ch) >= 0)) {
        return false;
      }
    }
    return true;
  }

  /** @return this, with a whole number */
  Arguments number(long value) {
    next().append(value);
    return this;
  }

  /** @return this, with a flag */
  Arguments flag(boolean value) {
    next().append(value);
    return this;
  }

  /** @return this, with a day */
  Arguments day(LocalDate value) {
    next().append(requireNonNull(value, "value"));
    return this;
  }

  /** @return this, with an enum constant, by name */
  Arguments choice(Enum<?> value) {
    next().append(requireNonNull(value, "value").name());
    return this;
  }

  /** @return this, with a currency, by code */
  Arguments currency(CurrencyUnit value) {
    next().append(requireNonNull(value, "value").getCurrencyCode());
    return this;
  }

  /** @return this, with an amount: currency code and exact decimal */
  Arguments money(MonetaryAmount value) {
    requireNonNull(value, "value");
    BigDecimal number = value.getNumber().numberValue(BigDecimal.class);
    next().append(value.getCurrency().getCurrencyCode()).append(' ')
        .append(number.signum() == 0 ? "0" : number.stripTrailingZeros().toPlainString());
    return this;
  }

  /** @return this, with a value under its type's name and its own encoding */
  Arguments value(String type, Arguments fields) {
    next().append(type).append('{').append(fields.text).append('}');
    return this;
  }

  private StringBuilder next() {
    return count++ == 0 ? text : text.append(", ");
  }

  /** @return the encoded arguments, without brackets */
  String encoded() {
    return text.toString();
  }
}
