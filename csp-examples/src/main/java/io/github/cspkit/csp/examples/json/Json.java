package io.github.cspkit.csp.examples.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import io.github.cspkit.csp.money.MinorUnits;
import io.github.cspkit.csp.time.DateRange;
import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import javax.money.CurrencyUnit;
import javax.money.Monetary;

/**
 * The small pieces the JSON forms share: a serializer and a deserializer from a function, fields
 * read from a tree with a clear message when one is missing, amounts as decimal strings in a
 * currency, dates ISO, date ranges half-open. Not public API.
 */
final class Json {
  private Json() {}

  /** Writes a value's fields inside an object the serializer opens and closes. */
  @FunctionalInterface
  interface Writer<T> {
    void write(T value, JsonGenerator g, SerializerProvider p) throws IOException;
  }

  /** Reads a value from its JSON object. */
  @FunctionalInterface
  interface Reader<T> {
    T read(JsonNode node, DeserializationContext c) throws IOException;
  }

  static <T> StdSerializer<T> serializer(Class<T> type, Writer<T> fields) {
    return new StdSerializer<T>(type) {
      private static final long serialVersionUID = 1L;

      @Override
      public void serialize(T value, JsonGenerator g, SerializerProvider p) throws IOException {
        g.writeStartObject();
        fields.write(value, g, p);
        g.writeEndObject();
      }
    };
  }

  static <T> StdDeserializer<T> deserializer(Class<T> type, Reader<T> reader) {
    return new StdDeserializer<T>(type) {
      private static final long serialVersionUID = 1L;

      @Override
      public T deserialize(JsonParser parser, DeserializationContext c) throws IOException {
        JsonNode node = parser.readValueAsTree();
        if (node == null || !node.isObject()) {
          return c.reportInputMismatch(type, "expected a JSON object for %s",
              type.getSimpleName());
        }
        try {
          return reader.read(node, c);
        } catch (RuntimeException e) {
          return c.reportInputMismatch(type, "%s: %s", type.getSimpleName(), e.getMessage());
        }
      }
    };
  }

  static JsonNode field(JsonNode node, String name) {
    JsonNode v = node.get(name);
    if (v == null || v.isNull()) {
      throw new IllegalArgumentException("missing field '" + name + "'");
    }
    return v;
  }

  static String text(JsonNode node, String name) {
    return field(node, name).asText();
  }

  static String textOrNull(JsonNode node, String name) {
    JsonNode v = node.get(name);
    return v == null || v.isNull() ? null : v.asText();
  }

  static long number(JsonNode node, String name) {
    JsonNode v = field(node, name);
    if (!v.canConvertToLong()) {
      throw new IllegalArgumentException("field '" + name + "' is not a whole number: " + v);
    }
    return v.asLong();
  }

  static int integer(JsonNode node, String name) {
    return Math.toIntExact(number(node, name));
  }

  static boolean bool(JsonNode node, String name) {
    return field(node, name).asBoolean();
  }

  static LocalDate date(JsonNode node, String name) {
    return LocalDate.parse(text(node, name));
  }

  static CurrencyUnit currency(JsonNode node, String name) {
    return Monetary.getCurrency(text(node, name));
  }

  static long minor(JsonNode node, String name, CurrencyUnit currency) {
    return MinorUnits.parse(text(node, name), currency);
  }

  static DateRange range(JsonNode node, String name) {
    JsonNode r = field(node, name);
    return DateRange.of(date(r, "start"), date(r, "end"));
  }

  static <T> List<T> list(JsonNode node, String name, Function<JsonNode, T> each) {
    JsonNode array = field(node, name);
    if (!array.isArray()) {
      throw new IllegalArgumentException("field '" + name + "' is not an array");
    }
    List<T> out = new ArrayList<>(array.size());
    array.forEach(e -> out.add(each.apply(e)));
    return out;
  }

  static void amount(JsonGenerator g, String name, long minor, CurrencyUnit currency)
      throws IOException {
    g.writeStringField(name, MinorUnits.format(minor, currency));
  }

  static void date(JsonGenerator g, String name, LocalDate date) throws IOException {
    g.writeStringField(name, date.toString());
  }

  static void range(JsonGenerator g, String name, DateRange range) throws IOException {
    g.writeObjectFieldStart(name);
    g.writeStringField("start", range.start().toString());
    g.writeStringField("end", range.end().toString());
    g.writeEndObject();
  }
}
