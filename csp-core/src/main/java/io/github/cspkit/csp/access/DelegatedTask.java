package io.github.cspkit.csp.access;

import static java.util.Objects.requireNonNull;

import io.github.cspkit.csp.OutOfRangeException;
import io.github.cspkit.csp.internal.Checks;
import java.util.List;
import java.util.Optional;

/**
 * A delegated-administration task on a customer's tenant (ACC-1, ACC-4) that a GDAP role covers
 * (GDA-2): a word such as {@code reset-password}. Tenant administration names its task
 * ({@link Operation#ADMINISTER_TENANT} carries one); service health, incidents and service
 * configuration have fixed tasks. The constants are the vocabulary of {@link GdapRoles#entraBuiltIns()};
 * an integrator's roles may use other words.
 *
 * @param name the task, a word of letters, digits, {@code _} and {@code -} (at most 100)
 */
public record DelegatedTask(String name) implements Comparable<DelegatedTask> {
  /** Reset a user's password (ACC-1). */
  public static final DelegatedTask RESET_PASSWORD = new DelegatedTask("reset-password");
  /** Create, update and delete users (ACC-1). */
  public static final DelegatedTask MANAGE_USERS = new DelegatedTask("manage-users");
  /** Create and manage groups (ACC-1). */
  public static final DelegatedTask MANAGE_GROUPS = new DelegatedTask("manage-groups");
  /** Assign product licenses to users and groups (ACC-1). */
  public static final DelegatedTask ASSIGN_LICENSES = new DelegatedTask("assign-licenses");
  /** Assign directory roles in the customer's tenant (ACC-1). */
  public static final DelegatedTask MANAGE_ROLES = new DelegatedTask("manage-roles");
  /** Open and manage service requests with the vendor for the customer (ACC-1). */
  public static final DelegatedTask MANAGE_SUPPORT_TICKETS = new DelegatedTask("manage-support-tickets");
  /** Configure the customer's services for it: mail, sites, chat (ACC-1, ACC-5). */
  public static final DelegatedTask CONFIGURE_SERVICE = new DelegatedTask("configure-service");
  /** View the customer's service health (ACC-4). */
  public static final DelegatedTask VIEW_SERVICE_HEALTH = new DelegatedTask("view-service-health");
  /** View the service incidents touching the customer's tenant (ACC-4). */
  public static final DelegatedTask VIEW_SERVICE_INCIDENTS = new DelegatedTask("view-service-incidents");

  /** Every task of the built-in vocabulary, in a fixed order. */
  public static final List<DelegatedTask> BUILT_IN = List.of(RESET_PASSWORD, MANAGE_USERS,
      MANAGE_GROUPS, ASSIGN_LICENSES, MANAGE_ROLES, MANAGE_SUPPORT_TICKETS, CONFIGURE_SERVICE,
      VIEW_SERVICE_HEALTH, VIEW_SERVICE_INCIDENTS);

  /**
   * @param name name
   * @throws OutOfRangeException if it is not such a word
   */
  public DelegatedTask {
    requireNonNull(name, "name");
    Checks.range(name.length() <= 100 && name.matches("[A-Za-z0-9_-]+"),
        "a task is a word of letters, digits, _ and - (at most 100), found '%s'", name);
  }

  /**
   * @param name the task's word
   * @return the task
   */
  public static DelegatedTask of(String name) {
    return new DelegatedTask(name);
  }

  /**
   * The task an operation of the partner entry point needs under GDAP (GDA-2), if GDAP governs it:
   * tenant administration ({@code detail} names the task), service health, service configuration.
   * Everything else (the CSP partner's tools, subscriptions, bills, the partner's own tenant, the
   * agreement, quotes) does not depend on GDAP: empty.
   *
   * @param op the operation
   * @param detail the task word that {@link Operation#ADMINISTER_TENANT} carries; ignored otherwise
   * @return the task, or empty when GDAP does not govern {@code op}
   * @throws OutOfRangeException if {@code op} is tenant administration and {@code detail} is
   *     empty or not a word
   */
  public static Optional<DelegatedTask> requiredBy(Operation op, Optional<String> detail) {
    requireNonNull(op, "op");
    requireNonNull(detail, "detail");
    return switch (op) {
      case ADMINISTER_TENANT -> Optional.of(of(detail.orElseThrow(() -> new OutOfRangeException(
          "administering a tenant under GDAP names its task, such as " + RESET_PASSWORD.name()))));
      case VIEW_SERVICE_HEALTH -> Optional.of(VIEW_SERVICE_HEALTH);
      case CONFIGURE_SERVICE -> Optional.of(CONFIGURE_SERVICE);
      default -> Optional.empty();
    };
  }

  /**
   * @param op an operation of the partner entry point
   * @return whether GDAP governs it (GDA-2): {@link #requiredBy} names a task for it
   */
  public static boolean governs(Operation op) {
    requireNonNull(op, "op");
    return op == Operation.ADMINISTER_TENANT || op == Operation.VIEW_SERVICE_HEALTH
        || op == Operation.CONFIGURE_SERVICE;
  }

  @Override
  public int compareTo(DelegatedTask o) {
    return name.compareTo(o.name);
  }

  @Override
  public String toString() {
    return name;
  }
}
