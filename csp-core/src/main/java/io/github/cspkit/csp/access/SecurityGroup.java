package io.github.cspkit.csp.access;

import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableSortedSet;
import io.github.cspkit.csp.internal.Checks;
import java.util.Collection;
import java.util.Set;

/**
 * A security group of the partner's own tenant: a named set of partner users (GDA-2). A GDAP
 * relationship grants its roles to security groups, never to users directly.
 *
 * @param name the group, a word of letters, digits, {@code _} and {@code -} (at most 100)
 * @param members the ids of the partner users in it, sorted
 */
public record SecurityGroup(String name, Set<String> members) {
  /**
   * @param name name
   * @param members members
   * @throws io.github.cspkit.csp.OutOfRangeException if the name or a member is not such a word
   */
  public SecurityGroup {
    requireWord(name, "a security group name");
    members = ImmutableSortedSet.copyOf(requireNonNull(members, "members"));
    for (String m : members) {
      requireWord(m, "a partner user id");
    }
  }

  /**
   * @param name the group's name
   * @param members the partner users in it
   * @return the group
   */
  public static SecurityGroup of(String name, Collection<String> members) {
    return new SecurityGroup(name, Set.copyOf(members));
  }

  /**
   * @param userId a partner user
   * @return whether the user is in this group
   */
  public boolean contains(String userId) {
    return members.contains(requireNonNull(userId, "userId"));
  }

  static String requireWord(String word, String what) {
    requireNonNull(word, what);
    Checks.range(word.length() <= 100 && word.matches("[A-Za-z0-9_.@-]+"),
        "%s is a word of letters, digits, _, ., @ and - (at most 100), found '%s'", what, word);
    return word;
  }
}
