package io.github.cspkit.csp.repository;

import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableList;
import io.github.cspkit.csp.access.GdapSide;
import io.github.cspkit.csp.access.RoleAssignment;
import io.github.cspkit.csp.internal.Checks;
import java.time.LocalDate;
import java.time.Period;
import java.util.List;
import java.util.Optional;

/**
 * The event log's entries about admin access: the seed's delegated admin removed (ACC-2), a
 * customer's tenant administered (ACC-1, GDA-2) or configured (ACC-5), the partner's own tenant
 * administered (ACC-3), and GDAP relationships requested, approved, terminated and set to
 * auto-extend (GDA-1, GDA-3, GDA-4). A user id is the acting user's ({@code Actor.userId()}).
 */
public sealed interface AccessPayload extends EventPayload permits
    AccessPayload.DelegatedAdminRemoved, AccessPayload.TenantAdministered,
    AccessPayload.OwnTenantAdministered, AccessPayload.ServiceConfigured,
    AccessPayload.GdapRequested, AccessPayload.GdapApproved, AccessPayload.GdapTerminated,
    AccessPayload.GdapAutoExtendSet {
  /** The aggregate kind of a tenant's entries. */
  String TENANT = "tenant";
  /** The aggregate kind of a GDAP relationship's entries. */
  String GDAP_RELATIONSHIP = "gdap-relationship";

  /**
   * The partner's delegated admin privileges on the customer's tenant removed, by a partner user
   * (ACC-2: never by the customer). Aggregate {@code "customer"}, kind
   * {@code DELEGATED_ADMIN_REMOVED}.
   *
   * @param userId who removed them
   */
  record DelegatedAdminRemoved(String userId) implements AccessPayload {
    /** @param userId acting user */
    public DelegatedAdminRemoved {
      requireNonNull(userId, "userId");
    }

    @Override
    public String aggregate() {
      return CustomerPayload.CUSTOMER;
    }

    @Override
    public String kind() {
      return "DELEGATED_ADMIN_REMOVED";
    }
  }

  /**
   * A task done on a customer's tenant through delegated admin or a GDAP role (ACC-1, GDA-2).
   * Aggregate {@code "tenant"} (the entry's id the tenant's), kind {@code ADMINISTERED}.
   *
   * @param task the task, as asked
   */
  record TenantAdministered(String task) implements AccessPayload {
    /** @param task task */
    public TenantAdministered {
      requireNonNull(task, "task");
    }

    @Override
    public String aggregate() {
      return TENANT;
    }

    @Override
    public String kind() {
      return "ADMINISTERED";
    }
  }

  /**
   * A task done on the partner's own tenant by a partner user with that right (ACC-3). Aggregate
   * {@code "tenant"} (the entry's id {@code partnerId-own-tenant}), kind {@code ADMINISTERED}.
   *
   * @param task the task, as asked
   * @param userId who did it
   */
  record OwnTenantAdministered(String task, String userId) implements AccessPayload {
    /**
     * @param task task
     * @param userId acting user
     */
    public OwnTenantAdministered {
      requireNonNull(task, "task");
      requireNonNull(userId, "userId");
    }

    @Override
    public String aggregate() {
      return TENANT;
    }

    @Override
    public String kind() {
      return "ADMINISTERED";
    }
  }

  /**
   * A service configured in the customer's own admin center (ACC-5). Aggregate {@code "tenant"},
   * kind {@code CONFIGURED}.
   *
   * @param service the service, for example {@code "mail"}
   * @param setting what was set
   */
  record ServiceConfigured(String service, String setting) implements AccessPayload {
    /**
     * @param service service
     * @param setting setting
     */
    public ServiceConfigured {
      requireNonNull(service, "service");
      requireNonNull(setting, "setting");
    }

    @Override
    public String aggregate() {
      return TENANT;
    }

    @Override
    public String kind() {
      return "CONFIGURED";
    }
  }

  /**
   * A GDAP relationship requested by the partner (GDA-1). Aggregate {@code "gdap-relationship"}
   * (the entry's id the relationship's), kind {@code REQUESTED}.
   *
   * @param customerId the customer asked
   * @param assignments the roles and the security groups they are granted to
   * @param duration how long it lasts once approved
   * @param autoExtend whether it auto-extends from the start (GDA-3)
   * @param approvableThrough the last day the customer can approve it
   */
  record GdapRequested(String customerId, List<RoleAssignment> assignments, Period duration,
      boolean autoExtend, LocalDate approvableThrough) implements AccessPayload {
    /**
     * @param customerId customer
     * @param assignments roles, at least one
     * @param duration duration, positive
     * @param autoExtend auto-extend
     * @param approvableThrough last day to approve
     */
    public GdapRequested {
      requireNonNull(customerId, "customerId");
      assignments = ImmutableList.copyOf(assignments);
      requireNonNull(duration, "duration");
      requireNonNull(approvableThrough, "approvableThrough");
      Checks.range(!assignments.isEmpty(), "a requested relationship names at least one role");
      Checks.range(!duration.isNegative() && !duration.isZero(),
          "duration must be positive, found %s", duration);
    }

    @Override
    public String aggregate() {
      return GDAP_RELATIONSHIP;
    }

    @Override
    public String kind() {
      return "REQUESTED";
    }
  }

  /**
   * A GDAP relationship approved by the customer's admin (GDA-1), active from the entry's day.
   * Aggregate {@code "gdap-relationship"}, kind {@code APPROVED}.
   *
   * @param lastDay the last day of its first period (GDA-3), if it is active on the entry's day
   * @param userId who approved it
   */
  record GdapApproved(Optional<LocalDate> lastDay, String userId) implements AccessPayload {
    /**
     * @param lastDay last day of the period
     * @param userId acting user
     */
    public GdapApproved {
      requireNonNull(lastDay, "lastDay");
      requireNonNull(userId, "userId");
    }

    @Override
    public String aggregate() {
      return GDAP_RELATIONSHIP;
    }

    @Override
    public String kind() {
      return "APPROVED";
    }
  }

  /**
   * A GDAP relationship terminated by either side (GDA-4). Aggregate {@code "gdap-relationship"},
   * kind {@code TERMINATED}.
   *
   * @param by the side that ended it
   * @param userId who ended it
   */
  record GdapTerminated(GdapSide by, String userId) implements AccessPayload {
    /**
     * @param by side
     * @param userId acting user
     */
    public GdapTerminated {
      requireNonNull(by, "by");
      requireNonNull(userId, "userId");
    }

    @Override
    public String aggregate() {
      return GDAP_RELATIONSHIP;
    }

    @Override
    public String kind() {
      return "TERMINATED";
    }
  }

  /**
   * A GDAP relationship's auto-extend turned on or off from the entry's day (GDA-3). Aggregate
   * {@code "gdap-relationship"}, kind {@code AUTO_EXTEND}.
   *
   * @param on whether it auto-extends
   * @param lastDay the last day of the period in force on the entry's day, if it is active
   */
  record GdapAutoExtendSet(boolean on, Optional<LocalDate> lastDay) implements AccessPayload {
    /**
     * @param on auto-extend
     * @param lastDay last day of the current period
     */
    public GdapAutoExtendSet {
      requireNonNull(lastDay, "lastDay");
    }

    @Override
    public String aggregate() {
      return GDAP_RELATIONSHIP;
    }

    @Override
    public String kind() {
      return "AUTO_EXTEND";
    }
  }
}
