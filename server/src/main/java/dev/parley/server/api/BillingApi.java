package dev.parley.server.api;

import dev.parley.server.store.BillingRecord;
import dev.parley.server.store.BillingRecords;
import dev.parley.server.store.RecordingRecord;
import dev.parley.server.store.TimeBound;
import io.javalin.http.Context;
import java.sql.SQLException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code GET /billing} and {@code GET /recordings}: the rows the billing writer stored, read back with
 * {@link BillingRecords} (the same query as {@code parley cdr}). {@code room}, {@code from} and
 * {@code to} are optional: a member record is listed when it overlaps {@code [from, to)}; a recording
 * when it started in it. Times are UTC dates, date-times or ISO instants.
 */
final class BillingApi {
  private static final Logger log = LoggerFactory.getLogger(BillingApi.class);

  private final BillingRecords records;

  BillingApi(BillingRecords records) {
    this.records = records;
  }

  private record Window(String room, Instant from, Instant to) {}

  private static Window window(Context ctx) {
    String room = ctx.queryParam("room");
    if (room != null && room.isBlank()) room = null;
    return new Window(room, bound(ctx, "from"), bound(ctx, "to"));
  }

  private static Instant bound(Context ctx, String name) {
    String v = ctx.queryParam(name);
    try {
      return TimeBound.parse(v);
    } catch (DateTimeParseException e) {
      throw ApiException.badRequest(name + " must be a date (2025-01-31), a UTC date-time (2025-01-31T10:00) "
          + "or an ISO instant, got '" + v + "'");
    }
  }

  void billing(Context ctx) {
    Window w = window(ctx);
    List<BillingRecord> rows;
    try {
      rows = records.query(w.room, w.from, w.to);
    } catch (SQLException e) {
      throw storeFailed(e);
    }
    ctx.json(Map.of("records", rows.stream().map(BillingApi::view).toList()));
  }

  void recordings(Context ctx) {
    Window w = window(ctx);
    List<RecordingRecord> rows;
    try {
      rows = records.recordings(w.room, w.from, w.to);
    } catch (SQLException e) {
      throw storeFailed(e);
    }
    ctx.json(Map.of("recordings", rows.stream().map(BillingApi::view).toList()));
  }

  private static ApiException storeFailed(SQLException e) {
    log.warn("billing query failed: {}", e.toString());
    return new ApiException(503, "store_unavailable", "the database did not answer: " + e.getMessage());
  }

  /** Field by field: instants as ISO text, absent values as null (Jackson here has no time module). */
  private static Map<String, Object> view(BillingRecord r) {
    Map<String, Object> v = new LinkedHashMap<>();
    v.put("id", r.id());
    v.put("roomSessionId", r.roomSessionId());
    v.put("room", r.room());
    v.put("member", r.memberId());
    v.put("callerNumber", r.callerNumber());
    v.put("callerName", r.callerName());
    v.put("calledNumber", r.calledNumber());
    v.put("calledName", r.calledName());
    v.put("direction", r.direction());
    v.put("invitedBy", r.invitedBy());
    v.put("joinedAt", text(r.joinedAt()));
    v.put("leftAt", text(r.leftAt()));
    v.put("durationMillis", r.durationMillis());
    v.put("leaveReason", r.leaveReason());
    v.put("codec", r.codec());
    v.put("callId", r.callId());
    v.put("billing", r.billing());
    return v;
  }

  private static Map<String, Object> view(RecordingRecord r) {
    Map<String, Object> v = new LinkedHashMap<>();
    v.put("id", r.id());
    v.put("roomSessionId", r.roomSessionId());
    v.put("room", r.room());
    v.put("path", r.path());
    v.put("startedAt", text(r.startedAt()));
    v.put("endedAt", text(r.endedAt()));
    v.put("durationMillis", r.durationMillis());
    v.put("sizeBytes", r.sizeBytes());
    return v;
  }

  private static String text(Instant i) {
    return i == null ? null : i.toString();
  }
}
