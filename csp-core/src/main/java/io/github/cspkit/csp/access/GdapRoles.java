package io.github.cspkit.csp.access;

import static io.github.cspkit.csp.access.DelegatedTask.ASSIGN_LICENSES;
import static io.github.cspkit.csp.access.DelegatedTask.MANAGE_GROUPS;
import static io.github.cspkit.csp.access.DelegatedTask.MANAGE_ROLES;
import static io.github.cspkit.csp.access.DelegatedTask.MANAGE_SUPPORT_TICKETS;
import static io.github.cspkit.csp.access.DelegatedTask.MANAGE_USERS;
import static io.github.cspkit.csp.access.DelegatedTask.RESET_PASSWORD;
import static io.github.cspkit.csp.access.DelegatedTask.VIEW_SERVICE_HEALTH;
import static io.github.cspkit.csp.access.DelegatedTask.VIEW_SERVICE_INCIDENTS;
import static java.util.Objects.requireNonNull;

import io.github.cspkit.csp.ConflictException;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Which tasks each GDAP role covers (GDA-2): a policy. {@link #entraBuiltIns()} is the default, a
 * reading of Microsoft Entra's built-in roles over the tasks of {@link DelegatedTask}; an
 * integrator (or a scenario's {@code role} lines) gives its own with {@link #of(Collection)}.
 */
public interface GdapRoles {
  /**
   * @param name a role name
   * @return the role, if this policy defines it
   */
  Optional<GdapRole> find(String name);

  /** @return every role, in definition order */
  List<GdapRole> all();

  /**
   * @param roles the roles, with distinct names
   * @return a policy that defines exactly those roles
   * @throws ConflictException if two roles share a name
   */
  static GdapRoles of(Collection<GdapRole> roles) {
    requireNonNull(roles, "roles");
    Map<String, GdapRole> byName = new LinkedHashMap<>();
    for (GdapRole r : roles) {
      if (byName.put(r.name(), r) != null) {
        throw ConflictException.duplicate("role", r.name());
      }
    }
    List<GdapRole> all = List.copyOf(byName.values());
    Map<String, GdapRole> lookup = Map.copyOf(byName);
    return new GdapRoles() {
      @Override
      public Optional<GdapRole> find(String name) {
        return Optional.ofNullable(lookup.get(requireNonNull(name, "name")));
      }

      @Override
      public List<GdapRole> all() {
        return all;
      }

      @Override
      public String toString() {
        return "GdapRoles" + lookup.keySet();
      }
    };
  }

  /**
   * The default reading of Microsoft Entra's built-in roles (GDA-2, an interpretation), after
   * their published descriptions and permissions:
   * <ul>
   * <li>{@code global-administrator}: every task of {@link DelegatedTask#BUILT_IN};</li>
   * <li>{@code global-reader}: service health and incidents (it reads, never changes);</li>
   * <li>{@code helpdesk-administrator}: passwords, support tickets, service health and incidents;</li>
   * <li>{@code service-support-administrator}: support tickets, service health and incidents;</li>
   * <li>{@code user-administrator}: users, groups, passwords, licenses, support tickets, service
   * health and incidents;</li>
   * <li>{@code license-administrator}: licenses; {@code groups-administrator}: groups;
   * {@code privileged-role-administrator}: directory roles.</li>
   * </ul>
   * Configuring the customer's services ({@link DelegatedTask#CONFIGURE_SERVICE}) is left to the
   * Global Administrator: the workload roles (Exchange, SharePoint, Teams) each configure one service
   * only, which a finer policy can express with tasks of its own.
   *
   * @return the built-in roles
   */
  static GdapRoles entraBuiltIns() {
    return of(List.of(
        entra(GdapRole.GLOBAL_ADMINISTRATOR, "62e90394-69f5-4237-9190-012177145e10",
            DelegatedTask.BUILT_IN),
        entra("global-reader", "f2ef992c-3afb-46b9-b7cf-a126ee74c451",
            List.of(VIEW_SERVICE_HEALTH, VIEW_SERVICE_INCIDENTS)),
        entra("helpdesk-administrator", "729827e3-9c14-49f7-bb1b-9608f156bbb8",
            List.of(RESET_PASSWORD, MANAGE_SUPPORT_TICKETS, VIEW_SERVICE_HEALTH, VIEW_SERVICE_INCIDENTS)),
        entra("service-support-administrator", "f023fd81-a637-4b56-95fd-791ac0226033",
            List.of(MANAGE_SUPPORT_TICKETS, VIEW_SERVICE_HEALTH, VIEW_SERVICE_INCIDENTS)),
        entra("user-administrator", "fe930be7-5e62-47db-91af-98c3a49a38b1",
            List.of(MANAGE_USERS, MANAGE_GROUPS, RESET_PASSWORD, ASSIGN_LICENSES,
                MANAGE_SUPPORT_TICKETS, VIEW_SERVICE_HEALTH, VIEW_SERVICE_INCIDENTS)),
        entra("license-administrator", "4d6ac14f-3453-41d0-bef9-a3e0c569773a",
            List.of(ASSIGN_LICENSES)),
        entra("groups-administrator", "fdd7a751-b60b-444a-984c-02652fe8fa1c",
            List.of(MANAGE_GROUPS)),
        entra("privileged-role-administrator", "e8611ab8-c189-46e8-94e1-60213ab1f814",
            List.of(MANAGE_ROLES))));
  }

  private static GdapRole entra(String name, String templateId, List<DelegatedTask> tasks) {
    return new GdapRole(name, Set.copyOf(tasks), Optional.of(templateId));
  }
}
