package io.github.cspkit.csp.examples.postgres;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Statement texts made once per shape and then shared. A statement's text depends only on its
 * shape (tables, columns, one row or several), never on values, which travel as parameters; a
 * command's statements are therefore the same few texts again and again. Made of parts that are
 * themselves shared (or literals), a text is found by the parts' cached hashes and compared by
 * reference, and the driver then finds its prepared statement the same way, where it hashed and
 * compared a newly built text of several kilobytes for every command.
 *
 * <p>The result is a pure function of the parts, so a shared text is always the text that would
 * have been built. At most {@value #LIMIT} texts are kept; past that, texts are built each time.
 */
final class SqlText {
  static final int LIMIT = 4096;
  private static final Map<List<String>, String> TEXTS = new ConcurrentHashMap<>();

  private SqlText() {}

  /** @return the parts, concatenated */
  static String of(String... parts) {
    return shared(key("+", parts), () -> String.join("", parts));
  }

  /** @return the parts joined by a delimiter */
  static String join(String delimiter, List<String> parts) {
    return shared(key("j" + delimiter, parts.toArray(new String[0])),
        () -> String.join(delimiter, parts));
  }

  /** @return the template with every {@code target} replaced */
  static String replace(String template, String target, String replacement) {
    return shared(key("r", template, target, replacement),
        () -> template.replace(target, replacement));
  }

  private static List<String> key(String operation, String... parts) {
    List<String> key = new ArrayList<>(parts.length + 1);
    key.add(operation);
    key.addAll(Arrays.asList(parts));
    return key;
  }

  private static String shared(List<String> key, java.util.function.Supplier<String> text) {
    String found = TEXTS.get(key);
    if (found != null) {
      return found;
    }
    String made = text.get();
    if (TEXTS.size() >= LIMIT) {
      return made;
    }
    String raced = TEXTS.putIfAbsent(List.copyOf(key), made);
    return raced == null ? made : raced;
  }
}
