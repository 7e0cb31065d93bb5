package io.github.cspkit.csp.subscription;

import java.time.LocalDate;

/**
 * What a change did to a subscription, as a typed value: a seed subscription's
 * {@link SubscriptionEvent} (SUB-1..7, with its charge and formula) or a new-commerce subscription's
 * {@link NceEvent} (NCE-1..9). The event log keeps it beside each entry, so the log reads back as
 * values, not text.
 */
public sealed interface ChangeEvent permits SubscriptionEvent, NceEvent {
  /** @return the day the change applies from */
  LocalDate date();
}
