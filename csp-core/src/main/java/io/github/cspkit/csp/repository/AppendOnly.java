package io.github.cspkit.csp.repository;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * An append-only list: appended under the transaction lock, read without it. A reader reads the
 * count first, then the array, so every element below the count it saw is published. Appends
 * are amortised O(1), and a snapshot is a view, not a copy.
 */
final class AppendOnly<T> {
  private volatile Object[] items = new Object[1024];
  private volatile int count;

  int size() {
    return count;
  }

  void add(T e) {
    Object[] a = items;
    int n = count;
    if (n == a.length) {
      a = Arrays.copyOf(a, n * 2);
      a[n] = e;
      items = a;
    } else {
      a[n] = e;
    }
    count = n + 1;
  }

  @SuppressWarnings("unchecked")
  List<T> snapshot() {
    int n = count;
    Object[] a = items;
    return (List<T>) Collections.unmodifiableList(Arrays.asList(a).subList(0, n));
  }
}
