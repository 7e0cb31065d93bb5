package io.github.cspkit.csp.access;

import static java.util.Objects.requireNonNull;

import com.google.common.collect.Sets;
import io.github.cspkit.csp.internal.Checks;
import java.util.EnumSet;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Who acts (ACC-3, ACC-4, SUB-6, DIS-1): explicit in every call, never read from a thread or a
 * global. A partner user, a customer user, a distributor, or the vendor.
 */
public sealed interface Actor {
  /** @return the user or organisation id, for logs */
  String userId();

  /**
   * Calls the visitor's method for this kind of actor.
   *
   * @param visitor what to do with each kind
   * @param <R> what the visitor returns
   * @return what the visitor returned
   */
  <R extends @Nullable Object> R accept(Visitor<R> visitor);

  /**
   * What to do with each kind of actor (ACC-1..5, SUB-6, DIS-1): one method per record of this
   * sealed type, so that a new kind of actor fails compilation wherever one is told apart, as in
   * the seed's access policy.
   *
   * @param <R> what each method returns
   */
  interface Visitor<R extends @Nullable Object> {
    /**
     * @param u a partner's user (ACC-3, ACC-4)
     * @return the result
     */
    R partnerUser(PartnerUser u);

    /**
     * @param u a customer's user (ACC-5, SUB-6)
     * @return the result
     */
    R customerUser(CustomerUser u);

    /**
     * @param d a distributor (DIS-1)
     * @return the result
     */
    R distributor(Distributor d);

    /**
     * @param v the vendor
     * @return the result
     */
    R vendor(Vendor v);
  }

  /**
   * A user of a partner, with rights on the partner's own tenant and over customers, kept apart
   * (ACC-3). Under granular delegated admin (GDA-2), what the user may do on a customer's tenant
   * (the tasks of {@link DelegatedTask#governs}) comes from the security groups it is in, whatever
   * its rights: see {@link #gdapUser}.
   *
   * @param partnerId the partner
   * @param userId the user
   * @param rights the rights
   */
  record PartnerUser(String partnerId, String userId, Set<Right> rights) implements Actor {
    /**
     * @param partnerId partner
     * @param userId user
     * @param rights rights
     */
    public PartnerUser {
      Checks.name("partnerId", partnerId);
      Checks.text("userId", userId);
      rights = Sets.immutableEnumSet(requireNonNull(rights, "rights"));
    }

    @Override
    public <R extends @Nullable Object> R accept(Visitor<R> visitor) {
      return visitor.partnerUser(this);
    }

    /**
     * @param right a right
     * @return whether the user holds it
     */
    public boolean has(Right right) {
      return rights.contains(right);
    }
  }

  /**
   * A user of a customer's own tenant (ACC-5, SUB-6).
   *
   * @param customerId the customer
   * @param userId the user
   * @param admin whether the user is an admin of the customer's tenant
   */
  record CustomerUser(String customerId, String userId, boolean admin) implements Actor {
    /**
     * @param customerId customer
     * @param userId user
     * @param admin admin
     */
    public CustomerUser {
      Checks.name("customerId", customerId);
      Checks.text("userId", userId);
    }

    @Override
    public <R extends @Nullable Object> R accept(Visitor<R> visitor) {
      return visitor.customerUser(this);
    }
  }

  /**
   * A distributor (indirect provider) that quotes resellers from published lists (DIS-1).
   *
   * @param userId the distributor
   */
  record Distributor(String userId) implements Actor {
    /** @param userId distributor */
    public Distributor {
      Checks.text("userId", userId);
    }

    @Override
    public <R extends @Nullable Object> R accept(Visitor<R> visitor) {
      return visitor.distributor(this);
    }
  }

  /**
   * The cloud vendor: publishes price lists and may give notice on the agreement.
   *
   * @param userId the vendor
   */
  record Vendor(String userId) implements Actor {
    /** @param userId vendor */
    public Vendor {
      Checks.text("userId", userId);
    }

    @Override
    public <R extends @Nullable Object> R accept(Visitor<R> visitor) {
      return visitor.vendor(this);
    }
  }

  /**
   * @param partnerId the partner
   * @param userId the user
   * @return a partner admin agent: both rights
   */
  static PartnerUser partnerAdmin(String partnerId, String userId) {
    return new PartnerUser(partnerId, userId, EnumSet.allOf(Right.class));
  }

  /**
   * @param partnerId the partner
   * @param userId the user
   * @param rights the rights
   * @return a partner user
   */
  static PartnerUser partnerUser(String partnerId, String userId, Right... rights) {
    Set<Right> set = EnumSet.noneOf(Right.class);
    set.addAll(java.util.Arrays.asList(rights));
    return new PartnerUser(partnerId, userId, set);
  }

  /**
   * A partner user whose rights come from its security groups only (GDA-2; a scenario's
   * {@code as user USER}): no right of its own on the partner's tenant nor over customers (ACC-3),
   * so under GDAP it may do on a customer's tenant exactly what the roles of the relationships
   * active that day grant to its groups, and nothing else.
   *
   * @param partnerId the partner
   * @param userId the user, as named in the partner's security groups
   * @return the partner user
   */
  static PartnerUser gdapUser(String partnerId, String userId) {
    return new PartnerUser(partnerId, userId, EnumSet.noneOf(Right.class));
  }

  /**
   * @param customerId the customer
   * @return that customer's tenant admin
   */
  static CustomerUser customerAdmin(String customerId) {
    return new CustomerUser(customerId, customerId + "-admin", true);
  }

  /**
   * @param id the distributor's id
   * @return a distributor
   */
  static Distributor distributor(String id) {
    return new Distributor(id);
  }

  /** @return the vendor */
  static Vendor vendor() {
    return new Vendor("vendor");
  }
}
