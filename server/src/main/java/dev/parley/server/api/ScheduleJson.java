package dev.parley.server.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.parley.server.schedule.Participant;
import dev.parley.server.schedule.Role;
import dev.parley.server.schedule.Schedule;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * A schedule as the API reads and writes it. Reading checks the shape of every field (types, times,
 * roles) and names the field in a 400; what makes a schedule valid as a whole is
 * {@link dev.parley.server.schedule.ScheduleBook}'s to say.
 *
 * <pre>{@code
 * {"room": "4100", "title": "Weekly", "start": "2026-12-01T10:00:00Z", "end": "2026-12-01T11:00:00Z",
 *  "warningSeconds": 300, "joinEarlySeconds": 300, "retries": 2, "retryDelaySeconds": 60, "record": false,
 *  "organiser": {"name": "Ann", "number": "1001", "dial": "user/1001", "pin": "4711"},
 *  "participants": [{"name": "Bob", "number": "1002", "dial": "user/1002", "role": "participant"}]}
 * }</pre>
 */
final class ScheduleJson {
  private ScheduleJson() {}

  static Schedule read(ObjectNode o) {
    String room = required(o, "room");
    Instant start = time(o, "start"), end = time(o, "end");
    List<Participant> people = new ArrayList<>();
    JsonNode organiser = o.get("organiser");
    if (organiser != null && !organiser.isNull()) {
      if (!(organiser instanceof ObjectNode org)) throw ApiException.badRequest("organiser must be an object");
      if (org.has("role")) throw ApiException.badRequest("organiser.role: the organiser's role is organiser; leave it out");
      people.add(participant(org, "organiser", Role.ORGANISER));
    }
    JsonNode list = o.get("participants");
    if (list != null && !list.isNull()) {
      if (!(list instanceof ArrayNode a)) throw ApiException.badRequest("participants must be an array");
      for (int i = 0; i < a.size(); i++) {
        if (!(a.get(i) instanceof ObjectNode p)) throw ApiException.badRequest("participants[" + i + "] must be an object");
        people.add(participant(p, "participants[" + i + "]", null));
      }
    }
    return new Schedule(null, room, Bodies.text(o, "title"), start, end, people,
        seconds(o, "warningSeconds", Schedule.DEFAULT_WARNING), seconds(o, "joinEarlySeconds", Schedule.DEFAULT_JOIN_EARLY),
        orDefault(Bodies.integer(o, "retries", 0, 10), Schedule.DEFAULT_RETRIES),
        seconds(o, "retryDelaySeconds", Schedule.DEFAULT_RETRY_DELAY), bool(o, "record"));
  }

  /** @param role null: read from the object's {@code role} (default participant) */
  private static Participant participant(ObjectNode p, String at, Role role) {
    for (var it = p.fieldNames(); it.hasNext(); ) {
      String f = it.next();
      if (!List.of("name", "number", "dial", "role", "pin").contains(f)) {
        throw ApiException.badRequest(at + "." + f + ": unknown field (name, number, dial, role, pin)");
      }
    }
    Role r = role;
    if (r == null) {
      String text = Bodies.text(p, "role");
      try {
        r = text == null ? Role.PARTICIPANT : Role.parse(text);
      } catch (IllegalArgumentException e) {
        throw ApiException.badRequest(at + ".role: " + e.getMessage());
      }
    }
    return new Participant(field(p, at, "name"), field(p, at, "number"), field(p, at, "dial"), r, field(p, at, "pin"));
  }

  /** The JSON of a saved schedule: its id, every field, the organiser among the participants. */
  static ObjectNode write(Schedule s, ObjectNode o) {
    o.put("id", s.id()).put("room", s.room()).put("title", s.title()).put("start", s.start().toString())
        .put("end", s.end().toString()).put("warningSeconds", s.warning().toSeconds())
        .put("joinEarlySeconds", s.joinEarly().toSeconds()).put("retries", s.retries())
        .put("retryDelaySeconds", s.retryDelay().toSeconds()).put("record", s.record());
    ArrayNode people = o.putArray("participants");
    for (Participant p : s.participants()) {
      ObjectNode n = people.addObject().put("name", p.name()).put("role", p.role().key());
      if (p.number() != null) n.put("number", p.number());
      if (p.dial() != null) n.put("dial", p.dial());
      // The PIN is not shown back: say only that there is one.
      n.put("hasPin", p.pin() != null);
    }
    return o;
  }

  private static String required(ObjectNode o, String field) {
    String v = Bodies.text(o, field);
    if (v == null || v.isBlank()) throw ApiException.badRequest(field + " is required");
    return v.strip();
  }

  private static Instant time(ObjectNode o, String field) {
    String v = required(o, field);
    try {
      return OffsetDateTime.parse(v).toInstant();
    } catch (DateTimeParseException e) {
      throw ApiException.badRequest(field + " must be an ISO-8601 time with an offset, e.g. 2026-12-01T10:00:00Z; got '"
          + v + "'");
    }
  }

  private static Duration seconds(ObjectNode o, String field, Duration otherwise) {
    Integer n = Bodies.integer(o, field, 0, 7 * 24 * 3600);
    return n == null ? otherwise : Duration.ofSeconds(n);
  }

  private static boolean bool(ObjectNode o, String field) {
    JsonNode v = o.get(field);
    if (v == null || v.isNull()) return false;
    if (!v.isBoolean()) throw ApiException.badRequest(field + " must be true or false, got " + v);
    return v.booleanValue();
  }

  private static String field(ObjectNode p, String at, String field) {
    JsonNode v = p.get(field);
    if (v == null || v.isNull()) return null;
    if (!v.isTextual()) throw ApiException.badRequest(at + "." + field + " must be a string, got " + v);
    String s = v.textValue().strip();
    return s.isEmpty() ? null : s;
  }

  private static int orDefault(Integer v, int otherwise) {
    return v == null ? otherwise : v;
  }
}
