package io.github.cspkit.csp.partner;

import static java.util.Objects.requireNonNull;

import io.github.cspkit.csp.access.Operation;
import io.github.cspkit.csp.repository.Repositories;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * One command of the partner, as a value that {@link Pipeline#run} runs: who may (its operation
 * and target customer, for the access policy), what it needs of the agreement (AGR-1), the checks
 * of its arguments alone, its body, and the kind of aggregate it returns. Its signature (name and
 * canonical {@link Arguments}, with the request's day and actor) is kept with its idempotency key.
 *
 * @param name the command's name, for example {@code "addSeats"}
 * @param arguments its declared arguments, as {@link Arguments#encoded()}
 * @param operation the operation the access policy checks (ACC-*, SUB-6)
 * @param customerId the target customer, or null for a command on no customer
 * @param need what it needs of the agreement on the request's day (AGR-1)
 * @param argumentChecks the checks of the arguments alone, run after the actor and replay checks
 *     and before the agreement's; {@link #NO_CHECKS} for none
 * @param body the state and date rules and the change, inside the transaction
 * @param result the kind of aggregate the body returns
 * @param creates the ids of the subscriptions it orders, which the body checks are free (SUB-1);
 *     told to the store ahead ({@link io.github.cspkit.csp.repository.ReadAhead})
 * @param createsCustomer the id of the customer it creates, which the body checks is free; told
 *     to the store ahead
 * @param <T> the aggregate's type
 */
record Command<T>(String name, String arguments, Operation operation,
    @Nullable String customerId, AgreementNeed need, Runnable argumentChecks, Body<T> body,
    Aggregate<T> result, List<String> creates, Optional<String> createsCustomer) {
  /** No argument checks. */
  static final Runnable NO_CHECKS = () -> {};

  Command {
    requireNonNull(name, "name");
    requireNonNull(arguments, "arguments");
    requireNonNull(operation, "operation");
    requireNonNull(need, "need");
    requireNonNull(argumentChecks, "argumentChecks");
    requireNonNull(body, "body");
    requireNonNull(result, "result");
    creates = List.copyOf(requireNonNull(creates, "creates"));
    requireNonNull(createsCustomer, "createsCustomer");
  }

  /**
   * A command without argument checks.
   *
   * @return the command
   */
  static <T> Command<T> of(String name, Arguments arguments, Operation operation,
      @Nullable String customerId, AgreementNeed need, Body<T> body, Aggregate<T> result) {
    return of(name, arguments, operation, customerId, need, NO_CHECKS, body, result);
  }

  /**
   * A command.
   *
   * @return the command
   */
  static <T> Command<T> of(String name, Arguments arguments, Operation operation,
      @Nullable String customerId, AgreementNeed need, Runnable argumentChecks, Body<T> body,
      Aggregate<T> result) {
    return new Command<>(name, arguments.encoded(), operation, customerId, need, argumentChecks,
        body, result, List.of(), Optional.empty());
  }

  /**
   * @param subscriptionIds the ids of the subscriptions this command orders
   * @return this command, telling the store ahead that it will check those ids are free
   */
  Command<T> creating(List<String> subscriptionIds) {
    return new Command<>(name, arguments, operation, customerId, need, argumentChecks, body,
        result, subscriptionIds, createsCustomer);
  }

  /**
   * @param newCustomerId the id of the customer this command creates
   * @return this command, telling the store ahead that it will check that id is free
   */
  Command<T> creatingCustomer(String newCustomerId) {
    return new Command<>(name, arguments, operation, customerId, need, argumentChecks, body,
        result, creates, Optional.of(newCustomerId));
  }

  /**
   * The signature kept with the idempotency key: {@code name(arguments) on day by user}.
   *
   * @param r the request
   * @return the signature
   */
  String signature(Request r) {
    return name + "(" + arguments + ") on " + r.date() + " by " + r.actor().userId();
  }

  /** A command's state and date rules and its change, inside the command's transaction. */
  @FunctionalInterface
  interface Body<T> {
    /**
     * @param tx the partner's repositories in the transaction
     * @param out where the command's events go
     * @return the aggregate after the change
     */
    T apply(Repositories tx, Outcome out);
  }
}
