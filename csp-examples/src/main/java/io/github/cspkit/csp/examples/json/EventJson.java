package io.github.cspkit.csp.examples.json;

import static io.github.cspkit.csp.examples.json.Json.field;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import io.github.cspkit.csp.subscription.ChangeEvent;
import io.github.cspkit.csp.subscription.NceEvent;
import io.github.cspkit.csp.subscription.SubscriptionEvent;
import java.io.IOException;

/**
 * The JSON of a logged change ({@link ChangeEvent}): {@code {"subscriptionEvent": {…}}} for a seed
 * subscription's event, {@code {"nceEvent": {…}}} for a new-commerce one, each in the form of its
 * own type, so a log entry's typed change round-trips.
 */
final class EventJson {
  private EventJson() {}

  static void writeChange(ChangeEvent change, JsonGenerator g) throws IOException {
    if (change instanceof SubscriptionEvent e) {
      g.writeObjectFieldStart("subscriptionEvent");
      CspJacksonModule.writeEvent(e, g);
    } else {
      g.writeObjectFieldStart("nceEvent");
      NceJson.writeEvent((NceEvent) change, g);
    }
    g.writeEndObject();
  }

  static ChangeEvent readChange(JsonNode n) {
    return n.has("subscriptionEvent") ? CspJacksonModule.readEvent(n.get("subscriptionEvent"))
        : NceJson.readEvent(field(n, "nceEvent"));
  }
}
