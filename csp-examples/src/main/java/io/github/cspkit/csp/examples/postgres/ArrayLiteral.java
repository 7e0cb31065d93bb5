package io.github.cspkit.csp.examples.postgres;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * A one-dimensional PostgreSQL array literal of non-null elements, as the store writes it (every
 * element quoted: {@code {"a","b \"c\""}}) and as PostgreSQL prints it (quotes only where needed:
 * {@code {a,"b \"c\""}}). Anything else (NULL, nesting, explicit bounds) is refused.
 */
final class ArrayLiteral {
  private ArrayLiteral() {}

  /** @return the literal of the elements, each quoted */
  static String write(Collection<String> elements) {
    StringBuilder out = new StringBuilder(2 + elements.size() * 12).append('{');
    for (String e : elements) {
      if (out.length() > 1) {
        out.append(',');
      }
      out.append('"');
      for (int k = 0; k < e.length(); k++) {
        char c = e.charAt(k);
        if (c == '"' || c == '\\') {
          out.append('\\');
        }
        out.append(c);
      }
      out.append('"');
    }
    return out.append('}').toString();
  }

  /**
   * @return the elements of a literal
   * @throws IllegalArgumentException if it is not a one-dimensional list of non-null elements
   */
  static List<String> read(String literal) {
    int end = literal.length() - 1;
    if (end < 1 || literal.charAt(0) != '{' || literal.charAt(end) != '}') {
      throw new IllegalArgumentException("not an array literal: " + literal);
    }
    List<String> out = new ArrayList<>();
    int i = 1;
    while (i < end) {
      if (literal.charAt(i) == '"') {
        StringBuilder e = new StringBuilder();
        i++;
        while (i < end && literal.charAt(i) != '"') {
          if (literal.charAt(i) == '\\') {
            i++;
          }
          e.append(literal.charAt(i++));
        }
        if (i >= end) {
          throw new IllegalArgumentException("unterminated element: " + literal);
        }
        i++;
        out.add(e.toString());
      } else {
        int start = i;
        while (i < end && literal.charAt(i) != ',') {
          char c = literal.charAt(i++);
          if (c == '{' || c == '}' || c == '"' || c == '\\' || c == ' ' || (c >= '\t' && c <= '\r')) {
            throw new IllegalArgumentException("not a list of elements: " + literal);
          }
        }
        String e = literal.substring(start, i);
        if (e.isEmpty() || e.equalsIgnoreCase("NULL")) {
          throw new IllegalArgumentException("an empty or NULL element: " + literal);
        }
        out.add(e);
      }
      if (i < end) {
        if (literal.charAt(i) != ',' || i + 1 == end) {
          throw new IllegalArgumentException("not a list of elements: " + literal);
        }
        i++;
      }
    }
    return out;
  }
}
