package io.github.cspkit.csp.testkit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The project's one property-testing library is QuickTheories (DEVELOPERS.md); jqwik must not be
 * on a module's class path in any version, brought in directly or by another dependency. Each
 * module's build checks its own test class path with {@link #requireQuickTheoriesOnly}.
 */
public final class PropertyLibrary {
  private PropertyLibrary() {}

  /**
   * @param loader the class loader of a module's tests
   */
  public static void requireQuickTheoriesOnly(ClassLoader loader) {
    assertThat(loadable(loader, "org.quicktheories.QuickTheory")).as("QuickTheories").isTrue();
    assertThat(loadable(loader, "net.jqwik.api.Property")).as("jqwik's API").isFalse();
    assertThat(loadable(loader, "net.jqwik.engine.JqwikTestEngine")).as("jqwik's engine").isFalse();
    assertThat(loader.getResource("META-INF/services/org.junit.platform.engine.TestEngine"))
        .as("a JUnit engine is registered").isNotNull();
  }

  private static boolean loadable(ClassLoader loader, String name) {
    try {
      Class.forName(name, false, loader);
      return true;
    } catch (ClassNotFoundException e) {
      return false;
    }
  }
}
