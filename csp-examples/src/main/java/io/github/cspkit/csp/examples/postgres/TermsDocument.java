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
import java.util.List;

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
    Fields fields = new Fields();
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String field = fields.once(p.currentName());
      p.nextToken();
      switch (field) {
        case "index" -> index = p.getIntValue();
        case "start" -> start = Json.date(p.getText());
        case "end" -> end = Json.date(p.getText());
        case "days" -> days = p.getLongValue();
        case "sale_unit" -> sale = p.getLongValue();
        case "cost_unit" -> cost = p.getLongValue();
        case "steps" -> {
          expect(p.currentToken() == JsonToken.START_ARRAY);
          while (p.nextToken() == JsonToken.START_OBJECT) {
            steps.add(step(p));
          }
          expect(p.currentToken() == JsonToken.END_ARRAY);
        }
        default -> p.skipChildren();
      }
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
    Fields fields = new Fields();
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String field = fields.once(p.currentName());
      p.nextToken();
      switch (field) {
        case "on" -> on = Json.date(p.getText());
        case "kind" -> kind = ChangeKind.valueOf(p.getText());
        case "seats" -> seats = p.getIntValue();
        case "status" -> status = SubscriptionStatus.valueOf(p.getText());
        case "sale_rate" -> sale = p.getLongValue();
        case "cost_rate" -> cost = p.getLongValue();
        default -> p.skipChildren();
      }
    }
    expect(on != null && kind != null && status != null);
    return Step.of(on, kind, seats, status, sale, cost);
  }

  /**
   * The fields of one object read so far: a field given twice is refused (the schema's check would
   * see only one of them). An object has a handful, so a scan beats hashing.
   */
  private static final class Fields {
    private String[] names = new String[8];
    private int count;

    /** @return the field, the first time it is seen */
    String once(String field) throws IOException {
      for (int i = 0; i < count; i++) {
        expect(!names[i].equals(field));
      }
      if (count == names.length) {
        names = java.util.Arrays.copyOf(names, count * 2);
      }
      names[count++] = field;
      return field;
    }
  }

  /** Fails the read, which names the document: it is not one this class writes. */
  private static void expect(boolean condition) throws IOException {
    if (!condition) {
      throw new IOException("not a document " + TermsDocument.class.getSimpleName() + " writes");
    }
  }

}
