package io.github.cspkit.csp.examples.postgres;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.github.cspkit.csp.subscription.ChangeKind;
import io.github.cspkit.csp.subscription.Step;
import io.github.cspkit.csp.subscription.Subscription;
import io.github.cspkit.csp.subscription.SubscriptionStatus;
import io.github.cspkit.csp.subscription.Term;
import io.github.cspkit.csp.time.DateRange;
import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A subscription's terms and steps (SUB-1..7) as the JSON array kept in its row
 * ({@code V8__documents_in_their_rows.sql}): amounts in minor units, dates ISO-8601.
 * Written with {@link Json}, read with Jackson's streaming parser (no tree, no binding).
 */
final class TermsDocument {
  private static final JsonFactory JSON = new JsonFactory();

  private TermsDocument() {}

  /** The document of a subscription's terms. */
  static String write(Subscription s) {
    Json terms = Json.array();
    for (Term t : s.terms()) {
      Json steps = Json.array();
      for (Step st : t.steps()) {
        steps.add(Json.object().field("on", st.date()).field("kind", st.kind().name())
            .field("seats", st.seats()).field("status", st.status().name())
            .field("sale_rate", st.saleRate()).field("cost_rate", st.costRate()));
      }
      terms.add(Json.object().field("index", t.index()).field("start", t.start())
          .field("end", t.end()).field("days", t.daysInTerm()).field("sale_unit", t.saleUnit())
          .field("cost_unit", t.costUnit()).number("steps", steps.endArray()));
    }
    return terms.endArray();
  }

  /**
   * The terms a document holds.
   *
   * @throws IllegalStateException if the document is not one {@link #write} produces (the
   *     schema's check {@code csp_valid_terms} keeps such rows out)
   */
  static List<Term> read(String document) {
    try (JsonParser p = JSON.createParser(document)) {
      expect(p.nextToken() == JsonToken.START_ARRAY);
      List<Term> terms = new ArrayList<>(2);
      while (p.nextToken() == JsonToken.START_OBJECT) {
        terms.add(term(p));
      }
      expect(p.currentToken() == JsonToken.END_ARRAY && p.nextToken() == null);
      return terms;
    } catch (IOException | RuntimeException e) {
      throw new IllegalStateException("unreadable subscription terms: " + document, e);
    }
  }

  private static Term term(JsonParser p) throws IOException {
    int index = -1;
    LocalDate start = null;
    LocalDate end = null;
    long days = 0;
    long sale = -1;
    long cost = -1;
    List<Step> steps = new ArrayList<>(2);
    int seen = 0;
    Set<String> others = null;
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String field = p.currentName();
      p.nextToken();
      int bit;
      switch (field) {
        case "index" -> { bit = 1; index = p.getIntValue(); }
        case "start" -> { bit = 2; start = Json.date(p.getText()); }
        case "end" -> { bit = 4; end = Json.date(p.getText()); }
        case "days" -> { bit = 8; days = p.getLongValue(); }
        case "sale_unit" -> { bit = 16; sale = p.getLongValue(); }
        case "cost_unit" -> { bit = 32; cost = p.getLongValue(); }
        case "steps" -> {
          bit = 64;
          expect(p.currentToken() == JsonToken.START_ARRAY);
          while (p.nextToken() == JsonToken.START_OBJECT) {
            steps.add(step(p));
          }
          expect(p.currentToken() == JsonToken.END_ARRAY);
        }
        default -> {
          bit = 0;
          others = other(others, field);
          p.skipChildren();
        }
      }
      seen = once(seen, bit);
    }
    expect(start != null && end != null);
    return Term.of(index, DateRange.of(start, end), days, sale, cost, steps);
  }

  private static Step step(JsonParser p) throws IOException {
    LocalDate on = null;
    ChangeKind kind = null;
    int seats = -1;
    SubscriptionStatus status = null;
    long sale = 0;
    long cost = 0;
    int seen = 0;
    Set<String> others = null;
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String field = p.currentName();
      p.nextToken();
      int bit;
      switch (field) {
        case "on" -> { bit = 1; on = Json.date(p.getText()); }
        case "kind" -> { bit = 2; kind = ChangeKind.valueOf(p.getText()); }
        case "seats" -> { bit = 4; seats = p.getIntValue(); }
        case "status" -> { bit = 8; status = SubscriptionStatus.valueOf(p.getText()); }
        case "sale_rate" -> { bit = 16; sale = p.getLongValue(); }
        case "cost_rate" -> { bit = 32; cost = p.getLongValue(); }
        default -> {
          bit = 0;
          others = other(others, field);
          p.skipChildren();
        }
      }
      seen = once(seen, bit);
    }
    expect(on != null && kind != null && status != null);
    return Step.of(on, kind, seats, status, sale, cost);
  }

  /**
   * Refuses a known field given twice (the schema's check would see only one of them).
   *
   * @return the fields seen, with this one
   */
  private static int once(int seen, int field) throws IOException {
    expect((seen & field) == 0);
    return seen | field;
  }

  /**
   * Refuses a field this class does not write given twice, as it refuses a known one.
   *
   * @return the other fields seen, with this one
   */
  private static Set<String> other(Set<String> seen, String field) throws IOException {
    Set<String> out = seen == null ? new HashSet<>() : seen;
    expect(out.add(field));
    return out;
  }

  /** Fails the read, which names the document: it is not one this class writes. */
  private static void expect(boolean condition) throws IOException {
    if (!condition) {
      throw new IOException("not a document " + TermsDocument.class.getSimpleName() + " writes");
    }
  }

}
