package io.github.cspkit.csp.architecture;

import io.github.cspkit.csp.testkit.PropertyLibrary;
import org.junit.jupiter.api.Test;

/** csp-core's tests write properties with QuickTheories only; jqwik is not on the class path. */
class PropertyLibraryTest {
  @Test
  void properties_use_quicktheories_and_nothing_brings_in_jqwik() {
    PropertyLibrary.requireQuickTheoriesOnly(PropertyLibraryTest.class.getClassLoader());
  }
}
