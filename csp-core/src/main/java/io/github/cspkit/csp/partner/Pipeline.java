package io.github.cspkit.csp.partner;

import static java.util.Objects.requireNonNull;

import io.github.cspkit.csp.ConflictException;
import io.github.cspkit.csp.OutOfRangeException;
import io.github.cspkit.csp.customer.Customer;
import io.github.cspkit.csp.repository.CommandRecord;
import io.github.cspkit.csp.repository.DomainEvent;
import io.github.cspkit.csp.repository.ReadAhead;
import io.github.cspkit.csp.repository.StaleVersionException;
import io.github.cspkit.csp.repository.TransientStoreException;
import java.time.DateTimeException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;

/**
 * The command path of one partner: {@link #run} takes a {@link Command} through authorize,
 * idempotency, transaction, retry and events. Every command of the package runs through it:
 * those of {@link CspPartner} (the {@code *Commands} classes) and any other class of the package,
 * which gets it from {@code CspPartner.pipeline()} and the shared lookups and rules from
 * {@link #context()}. A new command is a value:
 *
 * <pre>{@code
 * String customerId = context.customerOf(subscriptionId);    // UNKNOWN_ID before anything else
 * return pipeline.run(r, Command.of("addSeats",                // the signature's name
 *     Arguments.of().text(subscriptionId).number(seats),     // its declared arguments
 *     Operation.ADD_SEATS, customerId, AgreementNeed.IN_FORCE,
 *     () -> SubscriptionOperations.checkSeatsToAdd(seats),   // the arguments alone
 *     (tx, out) -> { ... return changed; },                   // state and date rules, the change
 *     Aggregate.SUBSCRIPTION));                               // what the key's record names
 * }</pre>
 *
 * Thread-safe.
 */
final class Pipeline {
  /** How often a command is run again when another instance saved first. */
  private static final int ATTEMPTS = 10;

  private final Context context;

  Pipeline(Context context) {
    this.context = requireNonNull(context, "context");
  }

  /** @return what the commands work with */
  Context context() {
    return context;
  }

  /**
   * Runs a command in one transaction of the partner's store. The refusals come in this order:
   * the actor (the access policy, on the command's target customer, which must exist:
   * {@code UNKNOWN_ID}); a replayed idempotency key (the first run's result, or
   * {@code KEY_REUSED} when the key was used with another signature); the command's argument
   * checks; the agreement (AGR-1); then the body's state and date rules. A refusal leaves nothing.
   * On success the events are appended and the idempotency record (signature, aggregate kind and
   * id) kept under the key (one generated when the request has none). A save that meets a newer
   * version, or a transient store failure, runs the command again ({@link #retrying}); an overflow
   * or a date out of range is refused {@code OUT_OF_RANGE} ({@link #exact}).
   *
   * @param r the request
   * @param c the command
   * @param <T> the aggregate's type
   * @return the aggregate, its events and typed changes, and whether the key was replayed
   */
  <T> Result<T> run(Request r, Command<T> c) {
    requireNonNull(r, "r");
    requireNonNull(c, "c");
    String signature = c.signature(r);
    return retrying(r.key().isPresent(), () -> context.store().inTransaction(tx -> {
      Optional<String> key = r.key().map(context::scoped); // keys are per partner
      tx.readAhead(new ReadAhead(key, c.creates(), c.createsCustomer()));
      // authorize first: a replayed key never lets another actor see or bypass anything
      String customerId = c.customerId();
      Customer target = customerId == null ? null : context.customer(tx, customerId).value();
      context.authorize(r, c.operation(), target);
      if (key.isPresent()) {
        Optional<CommandRecord> known = tx.idempotency().find(key.get());
        if (known.isPresent()) {
          CommandRecord rec = known.get();
          if (!rec.command().equals(signature)) {
            throw new ConflictException(ConflictException.Reason.KEY_REUSED, String.format(
                "idempotency key %s was used for %s, not for %s", rec.key(), rec.command(),
                signature));
          }
          return new Result<>(c.result().reload().apply(tx, rec.aggregateId()),
              tx.events().byCommand(rec.key()), List.of(), true);
        }
      }
      c.argumentChecks().run();
      context.requireAgreement(tx, r.date(), c.need());
      Outcome out = new Outcome(key.orElseGet(() -> context.scoped("auto-" + UUID.randomUUID())));
      T value = c.body().apply(tx, out);
      List<DomainEvent> logged = out.flush(tx);
      tx.idempotency().record(new CommandRecord(out.key(), signature, c.result().kind(),
          c.result().id().apply(value)));
      return new Result<>(value, logged, out.typed(), false);
    }));
  }

  /**
   * Runs a transaction again when a save meets a newer version (optimistic concurrency: another
   * instance sharing the store saved first) or the store fails transiently (a serialization
   * failure, a deadlock, a lost connection: {@link TransientStoreException}). A transient failure
   * that met the commit may have committed: the transaction then runs again only when it is
   * {@code repeatable} (a command with an idempotency key, which replays, or a bill run, which
   * finds its bills issued). Each attempt reads afresh; the last failure escapes, as does the
   * failure when the thread is interrupted while waiting to retry.
   */
  static <T> T retrying(boolean repeatable, Supplier<T> transaction) {
    for (int attempt = 1; ; attempt++) {
      try {
        return exact(transaction);
      } catch (StaleVersionException e) {
        if (attempt == ATTEMPTS || !backOff(attempt)) {
          throw e;
        }
      } catch (TransientStoreException e) {
        if (attempt == ATTEMPTS || (e.outcomeUnknown() && !repeatable) || !backOff(attempt)) {
          throw e;
        }
      }
    }
  }

  /**
   * Runs {@code work}, refusing an overflow or a date beyond {@link java.time.LocalDate#MAX} as
   * {@link OutOfRangeException}: exact arithmetic never gives a wrong amount (BIL-6).
   */
  static <T> T exact(Supplier<T> work) {
    try {
      return work.get();
    } catch (ArithmeticException | DateTimeException e) {
      throw new OutOfRangeException(e.getMessage() == null ? e.toString() : e.getMessage(), e);
    }
  }

  /**
   * Waits a random while, longer after each lost race, so that contenders stop colliding.
   *
   * @return false if the thread was interrupted (its flag is set again)
   */
  private static boolean backOff(int attempt) {
    long bound = 1L << Math.min(attempt, 7); // up to 128 ms
    try {
      Thread.sleep(ThreadLocalRandom.current().nextLong(bound));
      return true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
