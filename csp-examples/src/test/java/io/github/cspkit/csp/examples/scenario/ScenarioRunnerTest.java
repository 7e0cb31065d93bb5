package io.github.cspkit.csp.examples.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The runner's own contract (SCENARIOS.md "Running"): exit statuses and FILE:LINE messages. */
class ScenarioRunnerTest {
  static final String HEAD = """
      partner Northwind csp
      sku O365_E3 family office365 segment commercial suspended-access limited max-seats 300
      markup 20
      2024-10-01 accept-agreement
      2024-12-30 publish-price-list L2502 market US currency USD effective 2025-02-01 O365_E3=240.00
      2025-01-20 create-customer contoso market US segment commercial billing-day 1 currency USD
      2025-02-10 order contoso O365_E3 seats 10 as S1
      """; // 7 lines

  record Run(int status, String out, String err) {}

  static Run run(String text) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int status = ScenarioRunner.run("t.csp", new StringReader(text),
        new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  @Test
  void the_example_passes_and_prints_its_bills_with_formulas() {
    Run r = run(HEAD + """
        expect term-end S1 2026-02-09
        2025-03-05 as customer contoso add-seats S1 2
        expect refused SUB-6
        2025-04-01 advance
        expect bill contoso 2025-03 394.52 USD   # 288.00 × 10 × 50/365
        """);
    assertThat(r.err).isEmpty();
    assertThat(r.status).isZero();
    assertThat(r.out).contains("Bill contoso/2025-03-01", "288.00 × 10 × 19/365", "394.52",
        "t.csp:9: add-seats refused as expected: SUB-6");
  }

  @Test
  void a_wrong_expectation_exits_1_with_file_line_expected_and_found() {
    Run r = run(HEAD + """
        2025-04-01 advance
        expect bill contoso 2025-03 394.53 USD
        expect seats S1 10
        """);
    assertThat(r.status).isEqualTo(1);
    assertThat(r.err).isEqualTo("t.csp:9: expected bill contoso 2025-03 394.53 USD, found 394.52 USD\n");
    assertThat(r.err).doesNotContain("Exception", "\tat ");
  }

  @Test
  void a_bill_not_issued_yet_says_so() {
    Run r = run(HEAD + "expect bill contoso 2025-03 394.52 USD\n");
    assertThat(r.status).isEqualTo(1);
    assertThat(r.err).startsWith("t.csp:8: expected bill contoso 2025-03 394.52 USD, found no bill")
        .contains("not been issued yet");
  }

  @Test
  void an_unknown_statement_exits_2_with_file_line() {
    Run r = run(HEAD + "2025-03-01 promote S1 O365_E5\n2025-03-02 add-seats S1 1\n");
    assertThat(r.status).isEqualTo(2);
    assertThat(r.err).startsWith("t.csp:8: expected an operation").contains("found 'promote'");
    assertThat(r.out).contains("BROKEN (exit 2)");

    Run s = run("frobnicate everything\n");
    assertThat(s.status).isEqualTo(2);
    assertThat(s.err).startsWith("t.csp:1: expected a statement").contains("found 'frobnicate'");
  }

  @Test
  void what_is_not_wired_into_CspPartner_yet_exits_2_with_not_supported_yet() {
    String[][] cases = {
        {"2025-03-02 order-addon S1 M365_PREMIUM seats 1 as A1\n", "t.csp:9: not supported yet:"
            + " order-addon under program current (CAT-3"},
        {"2025-03-02 convert-trial contoso M365_PREMIUM seats 1 as T1\n", "t.csp:9: not supported"
            + " yet: convert-trial under program current (CUS-3"},
    };
    for (String[] c : cases) {
      Run r = run(CURRENT + c[0] + "2025-03-03 add-seats S1 1\n");
      assertThat(r.status).as(c[0]).isEqualTo(2);
      assertThat(r.err).as(c[0]).startsWith(c[1]).endsWith(")\n").doesNotContain("\tat ");
      assertThat(r.err.lines()).as(c[0]).hasSize(1);
      assertThat(r.out).as(c[0]).contains("t.csp: BROKEN (exit 2): 9 lines");
    }
  }

  @Test
  void GDA_1_the_GDAP_statements_need_the_current_program() {
    String[][] cases = {
        {"2025-02-11 gdap-request contoso as R1 roles r groups g duration P90D\n", "gdap-request"},
        {"2025-02-11 as customer contoso gdap-approve R1\n", "gdap-approve"},
        {"2025-02-11 gdap-terminate R1\n", "gdap-terminate"},
        {"expect gdap R1 active\n", "expect gdap"},
        {"expect gdap-ends R1 none\n", "expect gdap-ends"},
    };
    for (String[] c : cases) {
      Run r = run(HEAD + c[0] + "2025-02-12 add-seats S1 1\n");
      assertThat(r.status).as(c[0]).isEqualTo(2);
      assertThat(r.err).as(c[0]).isEqualTo("t.csp:8: expected 'program current' before " + c[1]
          + " (GDA-1: under the seed, delegated admin comes with the customer, CUS-4), found"
          + " program seed\n");
    }
    // under the seed, security groups and roles are set up but grant nothing: a partner user
    // named by 'as user' has no rights of its own (ACC-3)
    Run seed = run("security-group helpdesk users alice\nrole helpdesk-agent tasks reset-password\n"
        + HEAD + "2025-02-11 as user alice administer contoso reset-password\nexpect refused ACC-3\n");
    assertThat(seed.err).isEmpty();
    assertThat(seed.status).isZero();
  }

  @Test
  void GDA_2_under_program_current_a_partner_user_administers_through_a_relationship() {
    Run r = run("program current\nsecurity-group helpdesk users alice\n"
        + "role helpdesk-agent tasks reset-password\n" + HEAD + """
        2025-02-11 as user alice administer contoso reset-password
        expect refused GDA-1
        2025-02-11 gdap-request contoso as R1 roles helpdesk-agent groups helpdesk duration P90D
        expect gdap R1 pending
        2025-02-12 as customer contoso gdap-approve R1
        expect gdap R1 active
        expect gdap-ends R1 2025-05-12
        2025-02-12 as user alice administer contoso reset-password
        2025-02-12 as user bob administer contoso reset-password
        expect refused GDA-2
        2025-02-13 as customer contoso gdap-terminate R1
        expect gdap R1 pending
        """);
    assertThat(r.status).isEqualTo(1);
    assertThat(r.err).isEqualTo("t.csp:22: expected gdap R1 pending, found ended (on 2025-02-13:"
        + " the customer's admin terminated it)\n");
  }

  @Test
  void what_only_the_current_program_knows_exits_2_under_the_seed() {
    String[][] cases = {
        {"2025-02-11 order contoso O365_E3 seats 1 as S2 term P1M plan monthly\n", "order with"
            + " term P1M plan monthly"},
        {"2025-02-11 order contoso O365_E3 seats 1 as S2 plan monthly\n", "order with plan"
            + " monthly"},
        {"2025-02-11 order contoso O365_E3 seats 1 as S2 term P3Y\n", "order with term P3Y"},
        {"2025-02-11 schedule S1 seats 5\n", "schedule"},
        {"2025-02-11 upgrade S1 to O365_E3 seats 2 as S2\n", "upgrade"},
        {"2025-02-11 terminate-agreement effective 2025-04-01\n", "terminate-agreement"},
        {"expect cancellable S1 yes\n", "an expectation about new-commerce subscriptions"},
        {"expect refundable S1 0\n", "an expectation about new-commerce subscriptions"},
        {"expect scheduled S1 none\n", "an expectation about new-commerce subscriptions"},
        {"expect vendor-charges S1 2025-02 0.00 USD\n", "an expectation about new-commerce"
            + " subscriptions"},
        {"expect vendor-charge S1 2025-02-10 2025-03-09 10 20.00 USD\n", "an expectation about"
            + " new-commerce subscriptions"},
        {"expect reconciliation r.csv 2025-02 matched 1 missing-here 0 missing-there 0 different"
            + " 0\n", "expect reconciliation"},
    };
    for (String[] c : cases) {
      Run r = run(HEAD + c[0] + "2025-02-12 add-seats S1 1\n");
      assertThat(r.status).as(c[0]).isEqualTo(2);
      assertThat(r.err).as(c[0]).isEqualTo("t.csp:8: expected 'program current' before the first"
          + " dated line for " + c[1] + ", found the seed program\n");
      assertThat(r.out).as(c[0]).contains("t.csp: BROKEN (exit 2): 8 lines");
    }
    Run late = run(HEAD + "program current\n");
    assertThat(late.status).isEqualTo(2);
    assertThat(late.err).isEqualTo("t.csp:8: expected 'program' before the first dated line"
        + " (2024-10-01), found it after that line\n");
  }

  static final String CURRENT = """
      program current
      partner Northwind csp
      sku M365_PREMIUM family office365 segment commercial
      sku M365_BASIC family office365 segment commercial upgrades-to M365_PREMIUM
      2024-10-01 accept-agreement
      2025-01-20 publish-price-list L2503 market US currency USD effective 2025-03-01 M365_BASIC/P1Y/monthly=72.00 M365_BASIC/P1M/monthly=7.20 M365_PREMIUM/P1Y/monthly=264.00
      2025-02-10 create-customer contoso market US segment commercial billing-day 1 currency USD
      2025-03-01 order contoso M365_BASIC seats 10 as S1 term P1Y plan monthly
      """; // 8 lines

  @Test
  void NCE_10_the_current_program_runs_and_a_wrong_expectation_says_what_was_found() {
    Run ok = run(CURRENT + """
        expect cancellable S1 yes
        expect refundable S1 10
        expect vendor-charge S1 2025-03-01 2025-03-31 10 60.00 USD
        2025-03-10 schedule S1 seats 8
        expect scheduled S1 seats 8
        2025-03-11 upgrade S1 to M365_PREMIUM seats 2 as S2
        expect scheduled S1 none
        expect seats S1 8
        expect term-end S2 2026-02-28
        """);
    assertThat(ok.err).isEmpty();
    assertThat(ok.status).isZero();

    Run wrong = run(CURRENT + """
        expect cancellable S1 no
        expect refundable S1 9
        expect vendor-charge S1 2025-03-01 2025-03-31 10 61.00 USD
        expect vendor-charges S1 2025-03 61.00 USD
        expect scheduled S1 seats 8
        expect seats S9 1
        """);
    assertThat(wrong.status).isEqualTo(1);
    assertThat(wrong.err).contains(
        "t.csp:9: expected cancellable S1 no, found yes (the window of its term from 2025-03-01"
            + " runs through 2025-03-07)\n",
        "t.csp:10: expected refundable S1 9, found 10 [10 seats until 2025-03-07]\n",
        "t.csp:11: expected vendor-charge S1 2025-03-01 2025-03-31 10 61.00 USD, found the charges"
            + " starting on 2025-03-01 (S1 new 2025-03-01..2025-03-31 10 × 6.00 = 60.00 USD)\n",
        "t.csp:12: expected vendor-charges S1 2025-03 61.00 USD, found 60.00 USD (S1 new"
            + " 2025-03-01..2025-03-31 10 × 6.00 = 60.00 USD)\n",
        "t.csp:13: expected scheduled S1 seats 8, found none\n",
        "t.csp:14: expected seats S9 1, found no subscription S9\n");
    assertThat(wrong.err.lines()).as("one line per problem").hasSize(6)
        .allMatch(l -> l.startsWith("t.csp:"));

    Run quote = run(CURRENT + "expect quote 2025-03-11 add-seats S1 2 140.05 USD\n"
        + "expect quote 2025-03-11 add-seats S1 2 140.06 USD\n");
    assertThat(quote.err).isEqualTo("t.csp:10: expected quote 2025-03-11 add-seats S1 2 140.06 USD,"
        + " found 140.05 USD (72.00 × 2 × 355/365)\n"); // 140.0548 -> 140.05

    Run addon = run(CURRENT + "2025-03-02 order-addon S1 M365_PREMIUM seats 1 as A1\n");
    assertThat(addon.status).isEqualTo(2);
    assertThat(addon.err).startsWith("t.csp:9: not supported yet: order-addon under program"
        + " current (CAT-3");
  }

  @Test
  void PCF_1_a_file_the_scenario_names_that_cannot_be_read_exits_2(@TempDir Path dir)
      throws IOException {
    Path file = dir.resolve("t.csp");
    Files.writeString(file, CURRENT.replace("2025-03-01 order", "2025-02-10 import-price-list"
        + " missing.csv published 2025-01-30\n2025-03-01 order"));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int status = ScenarioRunner.run(file, new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
    assertThat(status).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).startsWith(file + ":8: expected a readable"
        + " price list file 'missing.csv', found ");

    Files.writeString(file, CURRENT + "expect reconciliation none.csv 2025-03 matched 1"
        + " missing-here 0 missing-there 0 different 0\n");
    err.reset();
    status = ScenarioRunner.run(file, new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
    assertThat(status).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).startsWith(file + ":9: expected a readable"
        + " reconciliation file 'none.csv', found ");
  }

  @Test
  void what_the_current_program_shares_with_the_seed_runs() {
    // program seed is the default; P1Y annual is the seed's term, explicit or not; a task on a
    // customer's tenant is delegated administration (ACC-1)
    Run r = run("program seed\n" + HEAD + """
        2025-02-11 publish-price-list L2 market US currency USD effective 2025-04-01 O365_E3/P1Y/annual=300.00
        2025-02-12 order contoso O365_E3 seats 1 as S2 plan annual term P1Y
        expect quote 2025-02-12 add-seats S2 1 288.00 USD   # 240.00 × 1.2 × 365/365
        2025-04-01 order contoso O365_E3 seats 1 as S3
        expect quote 2025-04-01 add-seats S3 1 360.00 USD   # 300.00 × 1.2
        2025-04-02 administer contoso reset-password
        2025-04-03 as customer contoso administer contoso reset-password
        expect refused ACC-1
        """);
    assertThat(r.err).isEmpty();
    assertThat(r.status).isZero();
    assertThat(r.out).contains("t.csp:15: administer refused as expected: ACC-1: ");
  }

  @Test
  void dates_going_backwards_exit_2() {
    Run r = run(HEAD + "2025-02-09 add-seats S1 1\n");
    assertThat(r.status).isEqualTo(2);
    assertThat(r.err).isEqualTo("t.csp:8: expected a date on or after 2025-02-10 (dates never go"
        + " backwards), found 2025-02-09\n");
  }

  @Test
  void after_advance_the_next_dated_line_must_be_later() {
    Run r = run(HEAD + "2025-04-01 advance\n2025-04-01 add-seats S1 1\n");
    assertThat(r.status).isEqualTo(2);
    assertThat(r.err).startsWith("t.csp:9: expected a date after 2025-04-01");
  }

  @Test
  void a_refused_statement_without_expect_refused_exits_1() {
    Run r = run(HEAD + "2025-03-05 as customer contoso add-seats S1 2\n2025-03-06 add-seats S1 2\n"
        + "expect seats S1 12\n");
    assertThat(r.status).isEqualTo(1);
    assertThat(r.err).startsWith("t.csp:8: expected add-seats to succeed").contains("found refused SUB-6: ");
    // at the end of the file too
    Run end = run(HEAD + "2025-03-05 as customer contoso add-seats S1 2\n");
    assertThat(end.status).isEqualTo(1);
    assertThat(end.err).startsWith("t.csp:8: expected add-seats to succeed");
  }

  @Test
  void expect_refused_must_name_the_rule_and_follow_a_refused_statement() {
    Run wrongRule = run(HEAD + "2025-03-05 as customer contoso add-seats S1 2\nexpect refused ACC-4\n");
    assertThat(wrongRule.status).isEqualTo(1);
    assertThat(wrongRule.err).startsWith("t.csp:9: expected refused ACC-4, found refused SUB-6: ");

    Run notRefused = run(HEAD + "2025-03-05 add-seats S1 2\nexpect refused SUB-6\n");
    assertThat(notRefused.status).isEqualTo(1);
    assertThat(notRefused.err).isEqualTo("t.csp:9: expected refused SUB-6, found add-seats on line 8 succeeded\n");
  }

  @Test
  void a_refusal_without_a_rule_is_reported_with_its_code_not_a_stack_trace() {
    Run r = run(HEAD + "2025-03-05 order contoso O365_E3 seats 1 as S1\n");
    assertThat(r.status).isEqualTo(1);
    assertThat(r.err).isEqualTo("t.csp:8: expected order to succeed (or an 'expect refused' line"
        + " right after it), found refused CONFLICT: subscription S1 already exists\n");
    Run unknown = run(HEAD + "2025-03-05 add-seats S9 1\nexpect refused SUB-2\n");
    assertThat(unknown.status).isEqualTo(1);
    assertThat(unknown.err).contains("t.csp:9: expected refused SUB-2, found refused UNKNOWN_ID: unknown"
        + " subscription S9");
  }

  @Test
  void expect_refused_matches_the_codes_UNKNOWN_ID_CONFLICT_and_OUT_OF_RANGE_and_nothing_changes() {
    Run r = run(HEAD + """
        2025-03-05 add-seats S9 1
        expect refused UNKNOWN_ID
        2025-03-05 order nobody O365_E3 seats 1 as S2
        expect refused UNKNOWN_ID
        2025-03-05 order contoso O365_E3 seats 1 as S1
        expect refused CONFLICT
        2025-03-05 create-customer contoso market US segment commercial billing-day 1 currency USD
        expect refused CONFLICT
        2025-03-05 accept-agreement
        expect refused AGR-1
        2025-03-06 publish-price-list HUGE market US currency USD effective 2025-05-01 O365_E3=90000000000000000.00
        2025-05-01 order contoso O365_E3 seats 2 as S3
        expect refused OUT_OF_RANGE
        expect seats S1 10
        2025-05-01 advance
        expect bill contoso 2025-05 244.61 USD   # as with S1 alone: the refused orders left nothing
        """);
    assertThat(r.err).isEmpty();
    assertThat(r.status).isZero();
    assertThat(r.out).contains("t.csp:8: add-seats refused as expected: UNKNOWN_ID: unknown subscription S9",
        "t.csp:12: order refused as expected: CONFLICT: subscription S1 already exists",
        "t.csp:16: accept-agreement refused as expected: AGR-1: partner Northwind already holds the agreement",
        "t.csp:19: order refused as expected: OUT_OF_RANGE: arithmetic overflow");
    Run wrongCode = run(HEAD + "2025-03-05 add-seats S9 1\nexpect refused CONFLICT\n");
    assertThat(wrongCode.status).isEqualTo(1);
    assertThat(wrongCode.err).isEqualTo("t.csp:9: expected refused CONFLICT, found refused UNKNOWN_ID:"
        + " unknown subscription S9\n");
  }

  @Test
  void malformed_lines_exit_2_with_expected_and_found() {
    assertBroken("2025-02-30 advance\n", "t.csp:1: expected a date (a real day, YYYY-MM-DD), found '2025-02-30'");
    assertBroken(HEAD + "2025-03-01 add-seats S1 99999999999999999999\n",
        "t.csp:8: expected a number of seats (a whole number from 0 to 2147483647)");
    assertBroken(HEAD + "2025-03-01 add-seats S1 -2\n", "t.csp:8: expected a number of seats");
    assertBroken(HEAD + "2025-03-01 add-seats S1 2 3\n", "t.csp:8: expected end of line, found '3'");
    assertBroken(HEAD + "2025-03-01 add-seats " + "S".repeat(101) + " 2\n",
        "t.csp:8: expected a subscription name of at most 100 characters");
    assertBroken(HEAD + "2025-03-01 order contoso O365_E3 as S2\n",
        "t.csp:8: expected a clause 'seats N', found end of line without it");
    assertBroken(HEAD + "2025-03-01 order contoso O365_E3 seats 1 seats 2 as S2\n",
        "t.csp:8: expected the clause 'seats' once");
    assertBroken("sku X family office365\n", "t.csp:1: expected a clause 'segment");
    assertBroken(HEAD + "expect bill contoso 2025-03 1" + "0".repeat(40) + " USD\n",
        "t.csp:8: expected an amount (a plain decimal");
    assertBroken(HEAD + "expect bill contoso 2025-03 99999999999999999999.00 USD\n",
        "t.csp:8: expected an amount with at most 2 decimals in USD, within range");
    assertBroken(HEAD + "expect bill contoso 2025-03 394.521 USD\n", "t.csp:8: expected an amount with at most 2");
    assertBroken(HEAD + "expect bill contoso 2025-03 394.52 XYZ\n", "t.csp:8: expected a known currency code");
    assertBroken(HEAD + "expect price O365_E3 market US on 2025-03-01 known 2025-03-01 240.00 USD\n",
        "t.csp:8: expected a known date on or before the current date 2025-02-10, found 2025-03-01");
    assertBroken("expect refused sub-6\n", "t.csp:1: expected a rule id such as SUB-6, or UNKNOWN_ID,"
        + " CONFLICT or OUT_OF_RANGE, found 'sub-6'");
    assertBroken("expect refused UNKNOWN\n", "t.csp:1: expected a rule id such as SUB-6, or UNKNOWN_ID");
    assertBroken("markup -5\n", "t.csp:1: expected a markup percent");
    assertBroken(HEAD + "2025-03-01 financing contoso instalments 1\n", "t.csp:8: expected a number of instalments from 2 to 36");
    assertBroken(HEAD + "9999-12-31 advance\n", "t.csp:8: expected a date at most 100 years after the first"
        + " dated line (2024-10-01), found 9999-12-31");
    assertBroken("x".repeat(ScenarioRunner.MAX_LINE + 10) + "\n", "t.csp:1: expected a line of at most");
  }

  private static void assertBroken(String text, String errStart) {
    Run r = run(text);
    assertThat(r.status).as(text).isEqualTo(2);
    assertThat(r.err).as(text).startsWith(errStart);
    assertThat(r.err).doesNotContain("\tat ");
  }

  @Test
  void unreadable_files_exit_2(@TempDir Path dir) throws IOException {
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8);
    PrintStream o = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
    assertThat(ScenarioRunner.run(dir.resolve("missing.csp"), o, e)).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("missing.csp: expected an existing file, found no such file");
    Path bad = dir.resolve("bad.csp");
    Files.write(bad, new byte[] {'#', ' ', 'o', 'k', '\n', (byte) 0xC3, (byte) 0x28, '\n'});
    err.reset();
    assertThat(ScenarioRunner.run(bad, o, e)).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("bad.csp:").contains("expected UTF-8 text");
  }

  @Test
  void setup_statements_apply_from_then_on_over_the_same_store() {
    // markup changes after the first order: the next term's price uses it, S1 keeps its own
    Run r = run(HEAD + """
        markup 50 for fabrikam
        2025-02-11 create-customer fabrikam market US segment commercial billing-day 1 currency USD
        2025-02-11 order fabrikam O365_E3 seats 1 as F1
        expect quote 2025-02-11 add-seats F1 1 360.00 USD   # 240.00 × 1.5 × 365/365
        expect quote 2025-02-11 add-seats S1 1 287.21 USD   # 288.00 × 364/365
        """);
    assertThat(r.err).isEmpty();
    assertThat(r.status).isZero();
  }

  @Test
  void BIL_2_currency_codes_without_a_minor_unit_are_refused() {
    assertBroken(HEAD + "2025-03-01 create-customer nul market US segment commercial billing-day 1"
        + " currency XXX\n", "t.csp:8: expected a currency with a minor unit such as USD, found 'XXX'"
        + " (ISO 4217's code for no currency)");
    assertBroken(HEAD + "2025-03-01 publish-price-list L market US currency XAU effective 2025-05-01"
        + " O365_E3=1.00\n", "t.csp:8: expected a currency with a minor unit such as USD, found 'XAU'");
    assertBroken(HEAD + "expect bill contoso 2025-03 0 XTS\n", "t.csp:8: expected a currency with a"
        + " minor unit");
  }

  @Test
  void PRC_5_a_markup_for_a_customer_the_file_never_creates_is_reported_at_its_line() {
    Run r = run(HEAD + """
        markup 10 for nobody
        markup 10 for fabrikam
        2025-02-11 create-customer fabrikam market US segment commercial billing-day 1 currency USD
        """);
    assertThat(r.status).isEqualTo(1);
    assertThat(r.err).isEqualTo("t.csp:8: expected customer nobody (markup … for nobody) to be"
        + " created in this file, found no customer nobody\n");
  }

  @Test
  void PRC_5_a_markup_applies_to_terms_that_start_after_the_current_day_renewals_included() {
    // S1 renews on 2026-02-10 at 240.00 × 1.2; the markup of 50, read on 2026-02-20, comes after
    // that renewal, which nothing computed yet (contoso is untouched since its bill of Feb 1): it
    // keeps 288.00. S2, ordered on the markup's day, keeps 288.00 too; S3 (the next day) pays 360.00.
    Run r = run(HEAD + """
        2025-12-01 publish-price-list L2602 market US currency USD effective 2026-02-01 O365_E3=240.00
        2025-12-02 publish-price-list L2603 market US currency USD effective 2026-03-01 O365_E3=240.00
        2025-12-03 create-customer fabrikam market US segment commercial billing-day 1 currency USD
        2026-02-20 order fabrikam O365_E3 seats 1 as S2
        markup 50
        2026-02-21 order fabrikam O365_E3 seats 1 as S3
        expect quote 2026-02-21 add-seats S1 1 279.32 USD   # 288.00 × 354/365
        expect quote 2026-02-21 add-seats S2 1 287.21 USD   # 288.00 × 364/365
        expect quote 2026-02-21 add-seats S3 1 360.00 USD   # 360.00 × 365/365
        2026-03-01 advance
        expect bill contoso 2026-03 394.52 USD   # renewed term at 288.00 × 10 × 50/365 (Feb 10 .. Apr 1)
        """);
    assertThat(r.err).isEmpty();
    assertThat(r.status).isZero();
  }

  @Test
  void BIL_1_a_bill_for_a_month_before_the_customers_first_one_is_never_issued() {
    Run r = run(HEAD + """
        expect bill contoso 2025-01 0.00 USD
        expect cost contoso 2024-12 0.00 USD
        expect bill contoso 2025-03 0.00 USD
        """);
    assertThat(r.status).isEqualTo(1);
    assertThat(r.err).contains("t.csp:8: expected bill contoso 2025-01 0.00 USD, found no bill of"
        + " contoso for 2025-01: it will never be issued (contoso was created on 2025-01-20; its first"
        + " bill is for 2025-02)");
    assertThat(r.err).contains("t.csp:9: expected cost contoso 2024-12 0.00 USD, found no bill of"
        + " contoso for 2024-12: it will never be issued");
    assertThat(r.err).contains("t.csp:10: expected bill contoso 2025-03 0.00 USD, found no bill of"
        + " contoso for 2025-03: it has not been issued yet");
  }

  @Test
  void BIL_6_a_bill_whose_total_overflows_is_reported_naming_its_customer_and_the_others_are_billed() {
    StringBuilder sb = new StringBuilder("""
        partner Northwind csp
        sku MAX family office365 segment commercial max-seats 2147483647
        2024-10-01 accept-agreement
        2024-12-30 publish-price-list L2502 market US currency USD effective 2025-02-01 MAX=1199999.99
        2025-01-20 create-customer whale market US segment commercial billing-day 1 currency USD
        2025-01-20 create-customer minnow market US segment commercial billing-day 1 currency USD
        2025-01-20 financing whale prepaid 0
        2025-02-01 order minnow MAX seats 1 as M1
        """);
    for (int i = 0; i < 36; i++) {
      sb.append("2025-02-01 order whale MAX seats 2147483647 as W").append(i).append('\n');
    }
    sb.append("2025-02-02 advance\nexpect bill minnow 2025-02 92054.79 USD   # 1199999.99 × 28/365\n");
    Run r = run(sb.toString());
    assertThat(r.status).isEqualTo(1);
    assertThat(r.err).startsWith("t.csp:45: expected the bills of whale due by the end of 2025-02-01"
        + " to be issued, found refused OUT_OF_RANGE: the bill of customer whale for the period");
    assertThat(r.err).doesNotContain("minnow").doesNotContain("\tat ");
  }

  @Test
  void the_limits_of_scenarios_md_are_enforced_with_exit_2() {
    String name100 = "S".repeat(100);
    Run ok = run(HEAD + "2025-02-10 order contoso O365_E3 seats 1 as " + name100 + "\n"
        + "expect seats " + name100 + " 1\n");
    assertThat(ok.err).isEmpty();
    assertThat(ok.status).isZero();
    assertBroken(HEAD + "2025-02-10 order contoso O365_E3 seats 1 as " + name100 + "S\n",
        "t.csp:8: expected a subscription name of at most 100 characters");
    assertBroken("markup 1 for " + "c".repeat(101) + "\n", "t.csp:1: expected a customer name of"
        + " at most 100 characters");
    // a dated line exactly 100 years after the first one is accepted, one day later is not
    Run century = run("2024-10-01 accept-agreement\n2124-10-01 accept-agreement\nexpect refused AGR-1\n");
    assertThat(century.err).isEmpty();
    assertThat(century.status).isZero();
    assertBroken("2024-10-01 accept-agreement\n2124-10-02 advance\n", "t.csp:2: expected a date at"
        + " most 100 years after the first dated line (2024-10-01), found 2124-10-02");
    String line = "# " + "x".repeat(ScenarioRunner.MAX_LINE - 2);
    assertThat(run(line + "\n").status).isZero();
    assertBroken(line + "x\n", "t.csp:1: expected a line of at most 100000 characters");
  }

  @Test
  void a_large_file_streams_quickly() {
    // 140,000 lines: one in five changes the subscription, the rest are expectations, comments
    // and blank lines, over ~200 days (a bill a month is issued on the way)
    StringBuilder sb = new StringBuilder(HEAD);
    java.time.LocalDate d = java.time.LocalDate.parse("2025-02-11");
    int lines = 7;
    int blocks = 0;
    while (lines < 140_000) {
      sb.append(d).append(" add-seats S1 1\n")
          .append("expect seats S1 11\n")
          .append("expect status S1 active   # a comment\n")
          .append("# a comment line\n")
          .append("\n")
          .append(d).append(" remove-seats S1 1\n")
          .append("expect seats S1 10\n")
          .append("expect term-end S1 2026-02-09\n")
          .append("expect agreement on ").append(d).append(" in-force\n")
          .append("\n");
      lines += 10;
      if (++blocks % 70 == 0) {
        d = d.plusDays(1);
      }
    }
    long t0 = System.nanoTime();
    Run r = run(sb.toString());
    long ms = (System.nanoTime() - t0) / 1_000_000;
    assertThat(r.err).isEmpty();
    assertThat(r.status).isZero();
    assertThat(r.out).contains("Bill contoso/2025-08-01");
    assertThat(ms).as("milliseconds for %s lines", lines).isLessThan(20_000);
  }
}
