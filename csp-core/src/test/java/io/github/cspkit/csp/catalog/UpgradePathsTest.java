package io.github.cspkit.csp.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;

import io.github.cspkit.csp.OutOfRangeException;
import io.github.cspkit.csp.RuleViolation;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.quicktheories.generators.Generate;

/** NCE-9's catalog relation: Business Basic → Business Standard → Business Premium. */
class UpgradePathsTest {
  static final UpgradePaths BUSINESS = UpgradePaths.none()
      .with("STANDARD", List.of("PREMIUM"))
      .with("BASIC", List.of("STANDARD"));

  @Test
  void NCE_9_the_path_is_the_chain_of_direct_upgrades() {
    assertThat(BUSINESS.directTargets("BASIC")).containsExactly("STANDARD");
    assertThat(BUSINESS.targets("BASIC")).containsExactly("PREMIUM", "STANDARD");
    assertThat(BUSINESS.allows("BASIC", "PREMIUM")).isTrue();
    assertThat(BUSINESS.allows("STANDARD", "PREMIUM")).isTrue();
    assertThat(BUSINESS.targets("PREMIUM")).isEmpty();
    BUSINESS.check("BASIC", "STANDARD");
    assertThat(UpgradePaths.of(Map.of("BASIC", List.of("STANDARD"), "STANDARD", List.of("PREMIUM"))))
        .isEqualTo(BUSINESS);
  }

  @Test
  void NCE_9_a_downgrade_or_a_move_off_the_path_is_refused() {
    assertThatThrownBy(() -> BUSINESS.check("PREMIUM", "BASIC"))
        .isInstanceOf(RuleViolation.class)
        .hasMessage("NCE-9: moving from PREMIUM to BASIC is a downgrade; it has no upgrade path;"
            + " a downgrade can only be scheduled for the renewal");
    assertThatThrownBy(() -> BUSINESS.check("BASIC", "O365_E3"))
        .isInstanceOf(RuleViolation.class)
        .hasMessage("NCE-9: O365_E3 is not on the upgrade path of BASIC; it can be upgraded to"
            + " PREMIUM, STANDARD");
    assertThatThrownBy(() -> BUSINESS.check("BASIC", "BASIC"))
        .isInstanceOf(RuleViolation.class);
  }

  @Test
  void NCE_9_the_relation_refuses_a_cycle() {
    assertThatThrownBy(() -> BUSINESS.with("PREMIUM", List.of("BASIC")))
        .isInstanceOf(OutOfRangeException.class)
        .hasMessage("OUT_OF_RANGE: an upgrade from PREMIUM to BASIC would close a cycle: BASIC"
            + " already upgrades to PREMIUM");
    assertThatThrownBy(() -> BUSINESS.with("A", List.of("A"))).isInstanceOf(OutOfRangeException.class);
  }

  @Test
  void NCE_9_a_path_is_never_both_ways() {
    qt().withExamples(300)
        .forAll(Generate.range(0, 7).zip(Generate.range(0, 7), (a, b) -> new int[] {a, b})
            .describedAs(p -> p[0] + "→" + p[1]), Generate.longRange(0, Long.MAX_VALUE))
        .checkAssert((probe, seed) -> {
          java.util.SplittableRandom r = new java.util.SplittableRandom(seed);
          UpgradePaths paths = UpgradePaths.none();
          for (int i = 0; i < 12; i++) {
            String from = "S" + r.nextInt(8);
            String to = "S" + r.nextInt(8);
            try {
              paths = paths.with(from, List.of(to));
            } catch (OutOfRangeException cycle) {
              assertThat(to.equals(from) || paths.allows(to, from)).isTrue();
            }
          }
          String a = "S" + probe[0];
          String b = "S" + probe[1];
          assertThat(paths.allows(a, b) && paths.allows(b, a)).isFalse();
          assertThat(paths.allows(a, a)).isFalse();
        });
  }
}
