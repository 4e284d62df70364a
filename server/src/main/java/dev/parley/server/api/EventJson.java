package dev.parley.server.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.parley.server.conference.ConferenceEvent;
import java.lang.reflect.RecordComponent;
import java.time.Instant;
import java.util.Collection;
import java.util.Locale;
import java.util.TreeSet;

/**
 * The wire form of a conference event, the same on the WebSocket stream and in webhooks:
 * {@code {"seq": 7, "time": "2025-…Z", "type": "member.left", "room": "3000", "member": 2,
 * "callId": "…", "reason": "kicked"}}.
 *
 * <p>Every component of the event record becomes a field of the same name, so an event added to
 * the domain reaches clients without a change here. Enums are lower case with dashes, sets sorted
 * lists, nested records objects.
 */
final class EventJson {
  private final ObjectMapper mapper;

  EventJson(ObjectMapper mapper) {
    this.mapper = mapper;
  }

  ObjectNode toJson(long sequence, ConferenceEvent event) {
    ObjectNode o = mapper.createObjectNode();
    o.put("seq", sequence);
    o.put("time", event.at().toString());
    o.put("type", event.type());
    o.put("room", event.room());
    // Every ConferenceEvent is a record (the sealed interface permits only records).
    Record r = (Record) event;
    for (RecordComponent c : r.getClass().getRecordComponents()) {
      String name = c.getName();
      if (name.equals("at") || name.equals("room")) continue;
      o.set(name, value(read(c, r)));
    }
    return o;
  }

  private JsonNode value(Object v) {
    return switch (v) {
      case null -> mapper.nullNode();
      case Enum<?> e -> mapper.getNodeFactory().textNode(e.name().toLowerCase(Locale.ROOT).replace('_', '-'));
      case Character ch -> mapper.getNodeFactory().textNode(ch.toString());
      case Instant i -> mapper.getNodeFactory().textNode(i.toString());
      case Collection<?> items -> {
        ArrayNode a = mapper.createArrayNode();
        Collection<?> ordered = items.stream().allMatch(Comparable.class::isInstance) ? new TreeSet<>(items) : items;
        for (Object item : ordered) a.add(value(item));
        yield a;
      }
      case Record r -> {
        ObjectNode o = mapper.createObjectNode();
        for (RecordComponent c : r.getClass().getRecordComponents()) o.set(c.getName(), value(read(c, r)));
        yield o;
      }
      default -> mapper.valueToTree(v);
    };
  }

  private static Object read(RecordComponent c, Record r) {
    try {
      return c.getAccessor().invoke(r);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("cannot read " + c.getName() + " of " + r.getClass().getSimpleName(), e);
    }
  }
}
