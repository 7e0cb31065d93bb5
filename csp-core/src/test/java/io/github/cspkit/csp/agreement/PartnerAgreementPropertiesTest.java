package io.github.cspkit.csp.agreement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;

import io.github.cspkit.csp.RuleViolation;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.quicktheories.generators.Generate;

/** MPA-1 over random acceptance days, notice days and named dates, leap years included. */
class PartnerAgreementPropertiesTest {
  private static final int EXAMPLES = 1000;
  private static final LocalDate BASE = LocalDate.of(2019, 1, 1);

  @Test
  void MPA_1_a_notice_is_accepted_exactly_when_its_date_is_30_days_or_more_after_it() {
    qt().withExamples(EXAMPLES)
        .forAll(Generate.range(0, 3000), Generate.range(0, 800), Generate.range(0, 120))
        .checkAssert((accepted, given, named) -> {
          PartnerAgreement mpa = PartnerAgreement.accept("P", BASE.plusDays(accepted));
          LocalDate givenOn = mpa.acceptedOn().plusDays(given);
          LocalDate effective = givenOn.plusDays(named);
          TerminationNotice notice = TerminationNotice.written(givenOn, Party.PARTNER, effective);
          if (named >= 30) {
            PartnerAgreement ended = mpa.withTermination(notice);
            assertThat(ended.endDate()).contains(effective.minusDays(1));
            assertThat(ended.isInForce(effective.minusDays(1))).isTrue();
            assertThat(ended.isInForce(effective)).isFalse();
            assertThat(ended.isInForce(givenOn)).isTrue();
          } else {
            assertThatThrownBy(() -> mpa.withTermination(notice))
                .isInstanceOfSatisfying(RuleViolation.class,
                    e -> assertThat(e.rule()).isEqualTo("MPA-1"));
            assertThat(mpa.endDate()).isEmpty();
          }
        });
  }

  @Test
  void MPA_1_without_notice_the_agreement_never_ends() {
    qt().withExamples(EXAMPLES)
        .forAll(Generate.range(0, 3000), Generate.range(0, 36_500))
        .checkAssert((accepted, later) -> {
          PartnerAgreement mpa = PartnerAgreement.accept("P", BASE.plusDays(accepted));
          LocalDate day = mpa.acceptedOn().plusDays(later);
          assertThat(mpa.isInForce(day)).isTrue();
          assertThat(mpa.isInForce(mpa.acceptedOn().minusDays(1))).isFalse();
          assertThat(mpa.statusOn(day).earliestTermination()).isEqualTo(day.plusDays(30));
        });
  }
}
