package io.github.cspkit.csp.access;

import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableSortedSet;
import io.github.cspkit.csp.internal.Checks;
import java.util.Collection;
import java.util.Optional;
import java.util.Set;

/**
 * A GDAP role: a named set of delegated-administration tasks (GDA-2). A relationship names roles
 * (GDA-1); the role named {@value #GLOBAL_ADMINISTRATOR} is the Global Administrator, which a
 * relationship cannot auto-extend with (GDA-3).
 *
 * @param name the role, a word of letters, digits, {@code _} and {@code -} (at most 100)
 * @param tasks the tasks it covers, sorted
 * @param entraTemplateId the Microsoft Entra role template id, for a built-in role
 */
public record GdapRole(String name, Set<DelegatedTask> tasks, Optional<String> entraTemplateId) {
  /** The name of the Global Administrator role (GDA-3). */
  public static final String GLOBAL_ADMINISTRATOR = "global-administrator";

  /**
   * @param name name
   * @param tasks tasks
   * @param entraTemplateId template id
   * @throws io.github.cspkit.csp.OutOfRangeException if the name is not such a word
   */
  public GdapRole {
    requireName(name);
    tasks = ImmutableSortedSet.copyOf(requireNonNull(tasks, "tasks"));
    requireNonNull(entraTemplateId, "entraTemplateId");
  }

  /**
   * @param name the role's name
   * @param tasks the tasks it covers
   * @return a role without an Entra template id
   */
  public static GdapRole of(String name, Collection<DelegatedTask> tasks) {
    return new GdapRole(name, Set.copyOf(tasks), Optional.empty());
  }

  /**
   * @param task a task
   * @return whether this role covers it (GDA-2)
   */
  public boolean covers(DelegatedTask task) {
    return tasks.contains(requireNonNull(task, "task"));
  }

  /** @return whether this is the Global Administrator role (GDA-3) */
  public boolean isGlobalAdministrator() {
    return name.equals(GLOBAL_ADMINISTRATOR);
  }

  /**
   * @param name a role name
   * @return {@code name}, checked to be a word
   */
  static String requireName(String name) {
    requireNonNull(name, "name");
    Checks.range(name.length() <= 100 && name.matches("[A-Za-z0-9_-]+"),
        "a role name is a word of letters, digits, _ and - (at most 100), found '%s'", name);
    return name;
  }
}
