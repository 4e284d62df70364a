package dev.parley.server.store;

import java.time.Instant;
import java.util.List;

/** Billing records as CSV (RFC 4180: comma-separated, CRLF lines, fields quoted when they need it). */
public final class CdrCsv {
  static final List<String> COLUMNS = List.of("room", "member_id", "caller_number", "caller_name", "called_number",
      "called_name", "direction", "invited_by", "joined_at", "left_at", "duration_seconds", "leave_reason", "codec",
      "call_id", "billing", "room_session_id", "id");

  private CdrCsv() {}

  public static String format(List<BillingRecord> records) {
    StringBuilder out = new StringBuilder(String.join(",", COLUMNS)).append("\r\n");
    for (BillingRecord r : records) {
      List<String> fields = List.of(r.room(), Integer.toString(r.memberId()), r.callerNumber(), r.callerName(),
          r.calledNumber(), r.calledName(), r.direction(), r.invitedBy(), time(r.joinedAt()), time(r.leftAt()),
          r.durationMillis() == null ? "" : String.format(java.util.Locale.ROOT, "%.3f", r.durationMillis() / 1000.0),
          orEmpty(r.leaveReason()), r.codec(), r.callId(), Boolean.toString(r.billing()), r.roomSessionId(), r.id());
      for (int i = 0; i < fields.size(); i++) {
        if (i > 0) out.append(',');
        out.append(quote(fields.get(i)));
      }
      out.append("\r\n");
    }
    return out.toString();
  }

  static String quote(String field) {
    if (field.indexOf(',') < 0 && field.indexOf('"') < 0 && field.indexOf('\n') < 0 && field.indexOf('\r') < 0) {
      return field;
    }
    return '"' + field.replace("\"", "\"\"") + '"';
  }

  private static String time(Instant t) {
    return t == null ? "" : t.toString();
  }

  private static String orEmpty(String s) {
    return s == null ? "" : s;
  }
}
