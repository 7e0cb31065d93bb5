package io.github.cspkit.csp.examples.postgres;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.github.cspkit.csp.billing.Billed;
import io.github.cspkit.csp.billing.BillingAccount;
import io.github.cspkit.csp.money.Numerator;
import java.io.IOException;
import java.time.LocalDate;
import java.util.Map;

/**
 * A billing account's two JSON columns (BIL-6): {@code billed}, what has been billed of each term
 * as exact numerators ({@code [{"key": "S1#0", "sale": 10512000, "cost": 8760000, "through":
 * "2025-02-10"}]}), and {@code one_offs}, the one-off services already billed ({@code ["X1"]}).
 * Written with {@link Json}, read back from their stored text with Jackson's streaming parser.
 */
final class AccountDocuments {

  private AccountDocuments() {}

  /** The {@code billed} document of an account. */
  static String billed(BillingAccount a) {
    Json billed = Json.array();
    for (Map.Entry<String, Billed> b : a.billed().entrySet()) {
      Billed v = b.getValue();
      billed.add(Json.object().field("key", b.getKey()).number("sale", v.saleNumerator().toString())
          .number("cost", v.costNumerator().toString()).field("through", v.through()));
    }
    return billed.endArray();
  }

  /** The {@code one_offs} document of an account. */
  static String oneOffs(BillingAccount a) {
    Json oneOffs = Json.array();
    a.oneOffsBilled().forEach(oneOffs::add);
    return oneOffs.endArray();
  }

  /**
   * Adds what both documents hold to an account being read.
   *
   * @throws IllegalStateException if a document is not one this class writes
   */
  static void read(String billed, String oneOffs, BillingAccount.Builder account) {
    try (JsonParser p = TermsDocument.JSON.createParser(billed)) {
      expect(p.nextToken() == JsonToken.START_ARRAY);
      while (p.nextToken() == JsonToken.START_OBJECT) {
        String key = null;
        Numerator sale = null;
        Numerator cost = null;
        LocalDate through = null;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
          String field = p.currentName();
          p.nextToken();
          switch (field) {
            case "key" -> key = p.getText();
            case "sale" -> sale = Numerator.of(p.getBigIntegerValue());
            case "cost" -> cost = Numerator.of(p.getBigIntegerValue());
            case "through" -> through = Json.date(p.getText());
            default -> p.skipChildren();
          }
        }
        expect(key != null && sale != null && cost != null && through != null);
        account.putBilled(key, new Billed(sale, cost, through));
      }
      expect(p.currentToken() == JsonToken.END_ARRAY && p.nextToken() == null);
    } catch (IOException | RuntimeException e) {
      throw unreadable(billed, e);
    }
    try (JsonParser p = TermsDocument.JSON.createParser(oneOffs)) {
      expect(p.nextToken() == JsonToken.START_ARRAY);
      while (p.nextToken() == JsonToken.VALUE_STRING) {
        account.addOneOffsBilled(p.getText());
      }
      expect(p.currentToken() == JsonToken.END_ARRAY && p.nextToken() == null);
    } catch (IOException | RuntimeException e) {
      throw unreadable(oneOffs, e);
    }
  }

  /** Fails the read, which names the document: it is not one this class writes. */
  private static void expect(boolean condition) throws IOException {
    if (!condition) {
      throw new IOException("not a document " + AccountDocuments.class.getSimpleName() + " writes");
    }
  }

  private static IllegalStateException unreadable(String document, Exception cause) {
    return new IllegalStateException("unreadable billing account document: " + document, cause);
  }
}
