package io.github.cspkit.csp.examples.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.cspkit.csp.access.GdapStatus;
import io.github.cspkit.csp.examples.scenario.Operation.MovedSeats;
import io.github.cspkit.csp.examples.scenario.Operation.NextTerm;
import io.github.cspkit.csp.examples.scenario.Operation.PriceEntry;
import io.github.cspkit.csp.examples.scenario.Statement.ActingAs;
import io.github.cspkit.csp.examples.scenario.Statement.Dated;
import io.github.cspkit.csp.money.MinorUnits;
import io.github.cspkit.csp.pricing.BillingPlan;
import io.github.cspkit.csp.pricing.TermLength;
import io.github.cspkit.csp.pricing.TermOffer;
import java.time.LocalDate;
import java.time.Period;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/**
 * The parser reads every statement and expectation of SCENARIOS.md, the section "The current
 * program" included, into sealed values, and refuses malformed lines with an exact
 * "expected …, found …".
 */
class ScenarioParserTest {
  /** A parser that has read a catalog and a first dated line (2025-01-10). */
  private static ScenarioParser parser() {
    ScenarioParser p = new ScenarioParser();
    p.parse("sku O365_BS family office365 segment commercial");
    p.parse("sku O365_BB family office365 segment commercial upgrades-to O365_BS");
    p.parse("2025-01-10 accept-agreement");
    return p;
  }

  private static ScenarioLine line(String text) {
    return parser().parse(text).orElseThrow();
  }

  private static Operation op(String text) {
    return ((Dated) line("2025-01-10 " + text)).operation();
  }

  private static Expectation expect(String text) {
    return (Expectation) line("expect " + text);
  }

  private static void refused(String text, String message) {
    assertThatThrownBy(() -> parser().parse(text)).as(text)
        .isInstanceOf(ScenarioSyntaxException.class).hasMessage(message);
  }

  private static Expectation.Amount usd(String amount) {
    return new Expectation.Amount(MinorUnits.parse(amount, MinorUnits.USD), MinorUnits.USD);
  }

  // ------------------------------------------------------------------ setup

  @Test
  void program_is_read_and_must_come_before_the_first_dated_line() {
    ScenarioParser p = new ScenarioParser();
    assertThat(p.parse("program current")).contains(
        new Statement.ProgramSetup(Statement.Program.CURRENT));
    assertThat(p.parse("program seed   # the default")).contains(
        new Statement.ProgramSetup(Statement.Program.SEED));
    refused("program current", "expected 'program' before the first dated line (2025-01-10),"
        + " found it after that line");
    refused("program nce", "expected seed|current, found 'nce'");
  }

  @Test
  void NCE_9_upgrades_to_names_skus_declared_before() {
    Statement.SkuSetup s = (Statement.SkuSetup) line(
        "sku O365_BP family office365 segment commercial upgrades-to O365_BS,O365_BB max-seats 300");
    assertThat(s.sku().id()).isEqualTo("O365_BP");
    assertThat(s.sku().maxSeats()).isEqualTo(300);
    assertThat(s.upgradesTo()).containsExactly("O365_BS", "O365_BB");
    assertThat(((Statement.SkuSetup) line("sku X family office365 segment commercial")).upgradesTo())
        .isEmpty();
    refused("sku O365_BP family office365 segment commercial upgrades-to O365_E9",
        "expected an upgrade target declared by an earlier sku line, found 'O365_E9'");
    refused("sku O365_BS family office365 segment commercial upgrades-to O365_BS",
        "expected upgrade targets other than O365_BS itself, found 'O365_BS'");
    refused("sku O365_BP family office365 segment commercial upgrades-to O365_BS,,O365_BB",
        "expected an upgrade target SKU name, found an empty name");
    refused("sku O365_BP family office365 segment commercial upgrades-to O365_BS,O365_BS",
        "expected each name of the list once, found 'O365_BS' a second time");
  }

  @Test
  void GDA_2_security_groups_and_roles_are_read() {
    assertThat(line("security-group helpdesk users alice,bob")).isEqualTo(
        new Statement.SecurityGroupSetup("helpdesk", List.of("alice", "bob")));
    assertThat(line("role global-administrator tasks reset-password,manage-users")).isEqualTo(
        new Statement.RoleSetup("global-administrator", List.of("reset-password", "manage-users")));
    refused("security-group helpdesk", "expected a clause 'users USER[,USER...]', found end of line"
        + " without it");
    refused("security-group helpdesk users alice,b@b", "expected a user name (letters, digits, _"
        + " and -), found 'b@b'");
    refused("role reader tasks read read", "expected one of the clauses tasks, found 'read'");
    refused("role reader tasks read,read", "expected each name of the list once, found 'read' a"
        + " second time");
  }

  @Test
  void PCF_1_map_sku_reads_a_partner_center_key() {
    assertThat(line("map-sku O365_E3 CFQ7TTC0LF8R:0001")).isEqualTo(
        new Statement.MapSkuSetup("O365_E3", "CFQ7TTC0LF8R", "0001"));
    refused("map-sku O365_E3 CFQ7TTC0LF8R", "expected a Partner Center key PRODUCTID:SKUID, found"
        + " 'CFQ7TTC0LF8R'");
    refused("map-sku O365_E3 A:B:C", "expected a Partner Center key PRODUCTID:SKUID, found 'A:B:C'");
    refused("map-sku O365_E3 :0001", "expected a ProductId name, found an empty name");
    refused("map-sku O365_E3 A:0001 x", "expected end of line, found 'x'");
  }

  // ------------------------------------------------------------------ dated statements

  @Test
  void NCE_2_price_rows_are_keyed_by_sku_term_and_plan() {
    Operation.PublishPriceList l = (Operation.PublishPriceList) op("publish-price-list L1 market US"
        + " currency USD effective 2025-03-01 O365_E3=240.00 O365_E3/P1M/monthly=24.00"
        + " O365_E3/P3Y/triennial=648.00 O365_E3/P1Y/monthly=252.00");
    assertThat(l.prices()).containsExactly(
        new PriceEntry(TermOffer.annual("O365_E3"), 24000),
        new PriceEntry(TermOffer.of("O365_E3", TermLength.P1M, BillingPlan.MONTHLY), 2400),
        new PriceEntry(TermOffer.of("O365_E3", TermLength.P3Y, BillingPlan.TRIENNIAL), 64800),
        new PriceEntry(TermOffer.of("O365_E3", TermLength.P1Y, BillingPlan.MONTHLY), 25200));
    String head = "2025-01-10 publish-price-list L1 market US currency USD effective 2025-03-01 ";
    refused(head + "O365_E3/P1M/annual=24.00", "expected a billing plan that fits a P1M term"
        + " (monthly), found 'O365_E3/P1M/annual'");
    refused(head + "O365_E3/P1Y/triennial=24.00", "expected a billing plan that fits a P1Y term"
        + " (monthly or annual), found 'O365_E3/P1Y/triennial'");
    refused(head + "O365_E3/P2Y/annual=24.00", "expected a term P1M|P1Y|P3Y, found 'P2Y'");
    refused(head + "O365_E3/p1y/annual=24.00", "expected a term P1M|P1Y|P3Y, found 'p1y'");
    refused(head + "O365_E3/P1Y/Annual=24.00", "expected a billing plan monthly|annual|triennial,"
        + " found 'Annual'");
    refused(head + "O365_E3/P1Y=24.00", "expected SKU=PRICE or SKU/TERM/PLAN=PRICE, found"
        + " 'O365_E3/P1Y'");
    refused(head + "O365_E3/P1Y/annual/x=24.00", "expected SKU=PRICE or SKU/TERM/PLAN=PRICE, found"
        + " 'O365_E3/P1Y/annual/x'");
    refused(head + "/P1Y/annual=24.00", "expected a SKU name, found an empty name");
    refused(head + "O365_E3=240.00 O365_E3/P1Y/annual=240.00", "expected each SKU/TERM/PLAN once"
        + " on the list, found a second price for O365_E3/P1Y/annual");
    refused(head + "O365_E3/P1M/monthly=1.00 O365_E3/P1M/monthly=2.00", "expected each"
        + " SKU/TERM/PLAN once on the list, found a second price for O365_E3/P1M/monthly");
    refused(head + "O365_E3/P1M/monthly=-1.00", "expected a price of at least 0 for"
        + " O365_E3/P1M/monthly, found '-1.00'");
    refused(head + "O365_E3/P1M/monthly=1.001", "expected a price for O365_E3/P1M/monthly with at"
        + " most 2 decimals in USD, within range, found '1.001'");
  }

  @Test
  void NCE_1_order_takes_a_term_and_a_billing_plan_in_any_order() {
    assertThat(op("order contoso O365_E3 seats 10 as S1")).isEqualTo(new Operation.Order("contoso",
        "O365_E3", 10, "S1", Optional.empty(), Optional.empty()));
    assertThat(op("order contoso O365_E3 plan monthly seats 10 term P3Y as S1")).isEqualTo(
        new Operation.Order("contoso", "O365_E3", 10, "S1", Optional.of(TermLength.P3Y),
            Optional.of(BillingPlan.MONTHLY)));
    refused("2025-01-10 order contoso O365_E3 seats 10 as S1 term P2Y",
        "expected a term P1M|P1Y|P3Y, found 'P2Y'");
    refused("2025-01-10 order contoso O365_E3 seats 10 as S1 plan weekly",
        "expected a billing plan monthly|annual|triennial, found 'weekly'");
    refused("2025-01-10 order contoso O365_E3 seats 10 as S1 term P1M term P1M",
        "expected the clause 'term' once, found it a second time");
    refused("2025-01-10 order-addon S1 AUDIO seats 1 as A1 term P1M",
        "expected one of the clauses seats, as, found 'term'");
  }

  @Test
  void NCE_8_schedule_names_at_least_one_change() {
    assertThat(op("schedule S1 sku O365_E5 seats 5 plan monthly term P1M")).isEqualTo(
        new Operation.Schedule("S1", new NextTerm(OptionalInt.of(5), Optional.of(TermLength.P1M),
            Optional.of(BillingPlan.MONTHLY), Optional.of("O365_E5"))));
    assertThat(op("schedule S1 seats 0")).isEqualTo(new Operation.Schedule("S1", new NextTerm(
        OptionalInt.of(0), Optional.empty(), Optional.empty(), Optional.empty())));
    refused("2025-01-10 schedule S1", "expected at least one of the clauses seats N, term TERM,"
        + " plan PLAN, sku SKU, found end of line without one");
    refused("2025-01-10 schedule S1 seats -1", "expected seats N (a whole number from 0 to"
        + " 2147483647), found '-1'");
    refused("2025-01-10 schedule S1 renew", "expected one of the clauses seats, term, plan, sku,"
        + " found 'renew'");
  }

  @Test
  void NCE_9_upgrade_moves_all_seats_or_some_into_a_new_subscription() {
    assertThat(op("upgrade S1 to O365_BS")).isEqualTo(
        new Operation.Upgrade("S1", "O365_BS", Optional.empty()));
    assertThat(op("upgrade S1 to O365_BS as S2 seats 3")).isEqualTo(
        new Operation.Upgrade("S1", "O365_BS", Optional.of(new MovedSeats(3, "S2"))));
    refused("2025-01-10 upgrade S1 O365_BS", "expected 'to', found 'O365_BS'");
    refused("2025-01-10 upgrade S1 to O365_BS seats 3", "expected a clause 'as SUB2', found end of"
        + " line without it");
    refused("2025-01-10 upgrade S1 to O365_BS as S2", "expected a clause 'seats N', found end of"
        + " line without it");
    refused("2025-01-10 upgrade S1 to O365_BS seats 3 as S1", "expected a new subscription for the"
        + " moved seats, other than S1, found 'S1'");
  }

  @Test
  void MPA_1_terminate_agreement_names_its_effective_date() {
    assertThat(op("terminate-agreement effective 2025-03-01")).isEqualTo(
        new Operation.TerminateAgreement(LocalDate.parse("2025-03-01")));
    refused("2025-01-10 terminate-agreement", "expected a clause 'effective DATE', found end of line"
        + " without it");
    refused("2025-01-10 terminate-agreement effective 2025-02-30", "expected an effective date (a"
        + " real day, YYYY-MM-DD), found '2025-02-30'");
  }

  @Test
  void GDA_1_gdap_requests_name_roles_groups_and_an_iso_duration() {
    assertThat(op("gdap-request contoso as R1 roles helpdesk-agent,global-administrator groups"
        + " helpdesk duration P2Y auto-extend")).isEqualTo(new Operation.GdapRequest("contoso", "R1",
            List.of("helpdesk-agent", "global-administrator"), List.of("helpdesk"), Period.ofYears(2),
            true));
    assertThat(op("gdap-request contoso duration P1Y6M2W3D groups g as R1 roles r")).isEqualTo(
        new Operation.GdapRequest("contoso", "R1", List.of("r"), List.of("g"),
            Period.of(1, 6, 17), false));
    String head = "2025-01-10 gdap-request contoso as R1 roles r groups g duration ";
    for (String bad : new String[] {"90D", "P", "P-1D", "p90d", "PT1H", "P1D1Y", "P1.5Y",
        "P9999999999D"}) {
      refused(head + bad, "expected a duration (an ISO-8601 period such as P90D, P6M or P2Y), found"
          + " '" + bad + "'");
    }
    refused(head + "P999999999W", "expected a duration (an ISO-8601 period within range), found"
        + " 'P999999999W'");
    refused("2025-01-10 gdap-request contoso as R1 roles r groups g", "expected a clause 'duration"
        + " DURATION', found end of line without it");
    refused("2025-01-10 gdap-request contoso as R1 roles r,r groups g duration P1D",
        "expected each name of the list once, found 'r' a second time");
  }

  @Test
  void GDA_1_GDA_4_ACC_1_relationships_and_partner_users() {
    Dated approve = (Dated) line("2025-01-10 as customer contoso gdap-approve R1");
    assertThat(approve.actor()).isEqualTo(new ActingAs.Customer("contoso"));
    assertThat(approve.operation()).isEqualTo(new Operation.GdapApprove("R1"));
    assertThat(op("gdap-terminate R1")).isEqualTo(new Operation.GdapTerminate("R1"));
    Dated administer = (Dated) line("2025-01-10 as user alice administer contoso reset-password");
    assertThat(administer.actor()).isEqualTo(new ActingAs.User("alice"));
    assertThat(administer.operation()).isEqualTo(new Operation.Administer("contoso",
        "reset-password"));
    assertThat(((Dated) line("2025-01-10 advance")).actor()).isEqualTo(new ActingAs.Unnamed());
    assertThat(((Dated) line("2025-01-10 as partner advance")).actor()).isEqualTo(
        new ActingAs.Partner());
    refused("2025-01-10 as admin advance", "expected partner|customer|user, found 'admin'");
    // "advance" is read as the user's name: the operation is missing
    refused("2025-01-10 as user advance", "expected an operation, found end of line");
    refused("2025-01-10 administer contoso", "expected a task name, found end of line");
  }

  @Test
  void PCF_1_import_price_list_reads_a_relative_path() {
    assertThat(op("import-price-list files/nce-2025-02.csv published 2025-01-15")).isEqualTo(
        new Operation.ImportPriceList("files/nce-2025-02.csv", LocalDate.parse("2025-01-15")));
    assertThat(op("import-price-list ../shared/p.csv published 2025-01-15")).isEqualTo(
        new Operation.ImportPriceList("../shared/p.csv", LocalDate.parse("2025-01-15")));
    for (String bad : new String[] {"/etc/prices.csv", "files//p.csv", "files/", "files\\p.csv",
        "p%20.csv"}) {
      refused("2025-01-10 import-price-list " + bad + " published 2025-01-15", "expected a price"
          + " list file path relative to the scenario file (letters, digits, _, -, . and / between"
          + " them), found '" + bad + "'");
    }
    refused("2025-01-10 import-price-list " + "a".repeat(1001) + " published 2025-01-15",
        "expected a price list file path of at most 1000 characters, found '" + "a".repeat(40)
            + "…' (1001 characters)");
    refused("2025-01-10 import-price-list p.csv", "expected a clause 'published DATE', found end of"
        + " line without it");
  }

  @Test
  void dates_never_go_backwards_and_advance_moves_past_its_day() {
    ScenarioParser p = parser();
    assertThat(p.today()).contains(LocalDate.parse("2025-01-10"));
    p.parse("2025-01-12 advance");
    assertThatThrownBy(() -> p.parse("2025-01-12 accept-agreement"))
        .hasMessage("expected a date after 2025-01-12 (the day of the last advance), found 2025-01-12");
    assertThatThrownBy(() -> p.parse("2025-01-11 schedule S1 seats 1"))
        .hasMessage("expected a date on or after 2025-01-12 (dates never go backwards), found 2025-01-11");
  }

  // ------------------------------------------------------------------ expectations

  @Test
  void the_seed_expectations_are_read_into_values() {
    assertThat(expect("refused NCE-5")).isEqualTo(new Expectation.Refused("NCE-5"));
    assertThat(expect("agreement-ends none")).isEqualTo(new Expectation.AgreementEnds(Optional.empty()));
    assertThat(expect("price O365_E3 market US on 2025-02-01 known 2025-01-10 240 USD")).isEqualTo(
        new Expectation.Price("O365_E3", "US", LocalDate.parse("2025-02-01"),
            LocalDate.parse("2025-01-10"), usd("240.00")));
    assertThat(expect("price O365_E3 market US on 2025-02-01 known 2025-01-10 240 USD").text())
        .isEqualTo("price O365_E3 market US on 2025-02-01 known 2025-01-10 240.00 USD");
    assertThat(expect("billed contoso 2025-02 2025-04 -1.5 USD")).isEqualTo(new Expectation.Billed(
        "contoso", YearMonth.of(2025, 2), YearMonth.of(2025, 4), usd("-1.50")));
    refused("expect price O365_E3 market US on 2025-02-01 known 2025-01-11 240 USD",
        "expected a known date on or before the current date 2025-01-10, found 2025-01-11");
  }

  @Test
  void NCE_5_NCE_6_cancellable_and_refundable() {
    assertThat(expect("cancellable S1 yes")).isEqualTo(new Expectation.Cancellable("S1", true));
    assertThat(expect("cancellable S1 no").text()).isEqualTo("cancellable S1 no");
    assertThat(expect("refundable S1 3")).isEqualTo(new Expectation.Refundable("S1", 3));
    refused("expect cancellable S1 maybe", "expected yes|no, found 'maybe'");
    refused("expect refundable S1", "expected a number of seats, found end of line");
  }

  @Test
  void NCE_8_scheduled_is_none_or_the_changes() {
    assertThat(expect("scheduled S1 none")).isEqualTo(new Expectation.Scheduled("S1", Optional.empty()));
    Expectation e = expect("scheduled S1 term P1M seats 5");
    assertThat(e).isEqualTo(new Expectation.Scheduled("S1", Optional.of(new NextTerm(
        OptionalInt.of(5), Optional.of(TermLength.P1M), Optional.empty(), Optional.empty()))));
    assertThat(e.text()).isEqualTo("scheduled S1 seats 5 term P1M");
    refused("expect scheduled S1 none seats 5", "expected end of line, found 'seats'");
    refused("expect scheduled S1", "expected at least one of the clauses seats N, term TERM, plan"
        + " PLAN, sku SKU, found end of line without one");
  }

  @Test
  void NCE_10_vendor_charges_and_one_vendor_charge() {
    assertThat(expect("vendor-charges S1 2025-03 -6.50 USD")).isEqualTo(
        new Expectation.VendorCharges("S1", YearMonth.of(2025, 3), usd("-6.50")));
    Expectation e = expect("vendor-charge S1 2025-03-04 2025-03-31 1 -6.5 USD");
    assertThat(e).isEqualTo(new Expectation.VendorCharge("S1", LocalDate.parse("2025-03-04"),
        LocalDate.parse("2025-03-31"), 1, usd("-6.50")));
    assertThat(e.text()).isEqualTo("vendor-charge S1 2025-03-04 2025-03-31 1 -6.50 USD");
    assertThat(expect("vendor-charge S1 2025-03-04 2025-03-04 10 0.00 USD")).isNotNull();
    refused("expect vendor-charge S1 2025-03-04 2025-03-03 1 6.50 USD", "expected a charge end"
        + " date (its last day) on or after 2025-03-04, found 2025-03-03");
    refused("expect vendor-charge S1 2025-03-04 2025-03-31 -1 6.50 USD", "expected a quantity (a"
        + " whole number from 0 to 2147483647), found '-1'");
    refused("expect vendor-charges S1 2025-03 6.505 USD", "expected an amount with at most 2"
        + " decimals in USD, within range, found '6.505'");
  }

  @Test
  void GDA_1_GDA_3_gdap_state_and_end() {
    assertThat(expect("gdap R1 pending")).isEqualTo(new Expectation.Gdap("R1", GdapStatus.Kind.PENDING));
    assertThat(expect("gdap R1 ended").text()).isEqualTo("gdap R1 ended");
    assertThat(expect("gdap-ends R1 2027-01-09")).isEqualTo(
        new Expectation.GdapEnds("R1", Optional.of(LocalDate.parse("2027-01-09"))));
    assertThat(expect("gdap-ends R1 none")).isEqualTo(new Expectation.GdapEnds("R1", Optional.empty()));
    refused("expect gdap R1 approved", "expected pending|active|ended, found 'approved'");
    refused("expect gdap-ends R1 never", "expected a date or none (YYYY-MM-DD), found 'never'");
  }

  @Test
  void PCF_2_reconciliation_counts_lines() {
    assertThat(expect("reconciliation files/recon-2025-03.csv 2025-03 matched 3 missing-here 0"
        + " missing-there 1 different 2")).isEqualTo(new Expectation.Reconciliation(
            "files/recon-2025-03.csv", YearMonth.of(2025, 3), 3, 0, 1, 2));
    refused("expect reconciliation r.csv 2025-03 matched 3 missing-there 0 missing-here 1"
        + " different 2", "expected 'missing-here', found 'missing-there'");
    refused("expect reconciliation /r.csv 2025-03 matched 3 missing-here 0 missing-there 1"
        + " different 2", "expected a reconciliation file path relative to the scenario file"
        + " (letters, digits, _, -, . and / between them), found '/r.csv'");
  }

  @Test
  void an_unknown_expectation_lists_every_one_of_scenarios_md() {
    refused("expect vendor S1", "expected an expectation (refused, agreement-ends, agreement, price,"
        + " quote, seats, status, term-end, bill, cost, billed, cancellable, refundable, scheduled,"
        + " vendor-charges, vendor-charge, gdap, reconciliation, gdap-ends), found 'vendor'");
  }
}
