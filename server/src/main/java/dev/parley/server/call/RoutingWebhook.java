package dev.parley.server.call;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.parley.server.config.MemberFlag;
import dev.parley.server.config.RouteAsk;
import dev.parley.server.config.RoomTemplate;
import dev.parley.server.config.RouteConfig;
import dev.parley.server.webhook.WebhookSigner;
import dev.parley.sip.IncomingCall;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Asks a route's URL what to do with an incoming call (seed 002's "check the caller against the
 * scheduled conferences", without Java). POSTs
 * {@code {"callId", "number", "caller": {"uri", "user", "name"}, "called", "source": {"host", "port",
 * "transport"}, "route": {"line", "room"}, "headers": {...}}} and reads one of
 * <pre>
 *   {"action": "join", "room": "team-7", "flags": ["moderator"], "pin": "1234"}
 *   {"action": "play", "sound": "builtin:goodbye"}          (then hang up; or "file:NAME" from the
 *                                                          announcements directory)
 *   {"action": "reject", "status": 403, "reason": "Not scheduled"}
 * </pre>
 * With the route's {@code secret} the request is signed as the event webhooks are ({@link WebhookSigner}:
 * {@code X-Parley-Timestamp} and {@code X-Parley-Signature} over {@code TIMESTAMP.BODY}), so the URL can
 * refuse a caller routed by anybody else; a receiver that refuses answers non-2xx, which is no answer.
 * Anything else (a timeout, a non-2xx status, invalid JSON or fields) is {@link Decision.NoAnswer},
 * and the route's {@code fallback} applies. Runs on the call's virtual thread, which it blocks for at
 * most the route's timeout; the SIP stack keeps the caller informed with 100 Trying meanwhile.
 */
final class RoutingWebhook {
  private static final Logger log = LoggerFactory.getLogger(RoutingWebhook.class);
  private static final ObjectMapper JSON = new ObjectMapper();
  /** Larger answers are not decisions; reading stops there. */
  private static final int MAX_ANSWER_BYTES = 16 * 1024;

  /** What the URL said. */
  sealed interface Decision {
    /** @param room null for the route's own room; @param pin null for the route's PIN rules */
    record Join(String room, Set<MemberFlag> flags, String pin) implements Decision {}

    record Play(String sound) implements Decision {}

    record Reject(int status, String reason) implements Decision {}

    /** @param why for the log */
    record NoAnswer(String why) implements Decision {}
  }

  private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
  private final Clock clock;

  /** @param clock the time in {@code X-Parley-Timestamp} */
  RoutingWebhook(Clock clock) {
    this.clock = clock;
  }

  /** Once at start: an unsigned webhook's receiver cannot tell Parley's requests from anybody's. */
  static void warnUnsigned(List<RouteConfig> routes) {
    for (RouteConfig r : routes) {
      if (r.ask() != null && r.ask().secret() == null) {
        log.warn("route at line {}: the routing webhook {} is unsigned; give its ask: a secret so the receiver can check "
            + "requests come from Parley", r.line(), r.ask().url());
      }
    }
  }

  Decision ask(RouteAsk ask, IncomingCall call, String number, int routeLine, String routeRoom) {
    String body = request(ask, call, number, routeLine, routeRoom).toString();
    HttpRequest.Builder builder = HttpRequest.newBuilder(ask.url()).timeout(ask.timeout())
        .header("Content-Type", "application/json").header("User-Agent", "Parley");
    if (ask.secret() != null) {
      long now = clock.instant().getEpochSecond();
      builder.header(WebhookSigner.TIMESTAMP_HEADER, Long.toString(now))
          .header(WebhookSigner.SIGNATURE_HEADER, new WebhookSigner(ask.secret()).sign(now, body));
    }
    HttpRequest req = builder.POST(HttpRequest.BodyPublishers.ofString(body)).build();
    long started = System.nanoTime();
    HttpResponse<byte[]> res;
    try {
      res = http.sendAsync(req, HttpResponse.BodyHandlers.ofByteArray())
          .get(ask.timeout().toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
    } catch (java.util.concurrent.TimeoutException e) {
      return new Decision.NoAnswer("no answer within " + ask.timeout().toMillis() + " ms");
    } catch (java.util.concurrent.ExecutionException e) {
      Throwable cause = e.getCause();
      return new Decision.NoAnswer(cause instanceof HttpTimeoutException ? "no answer within "
          + ask.timeout().toMillis() + " ms" : "cannot reach it: " + cause);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new Decision.NoAnswer("interrupted");
    }
    long millis = (System.nanoTime() - started) / 1_000_000;
    if (res.statusCode() / 100 != 2) return new Decision.NoAnswer("HTTP " + res.statusCode() + " after " + millis + " ms");
    if (res.body().length > MAX_ANSWER_BYTES) return new Decision.NoAnswer("an answer of " + res.body().length + " bytes");
    try {
      return decision(JSON.readTree(res.body()));
    } catch (IOException e) {
      return new Decision.NoAnswer("not JSON: " + e.getMessage());
    } catch (IllegalArgumentException e) {
      return new Decision.NoAnswer(e.getMessage());
    }
  }

  private static ObjectNode request(RouteAsk ask, IncomingCall call, String number, int routeLine, String routeRoom) {
    ObjectNode o = JSON.createObjectNode();
    o.put("callId", call.callId());
    o.put("number", number);
    ObjectNode caller = o.putObject("caller");
    caller.put("uri", call.fromUri());
    caller.put("user", call.fromUser());
    caller.put("name", call.fromDisplayName());
    o.put("called", call.toUri());
    ObjectNode source = o.putObject("source");
    source.put("host", call.remoteHost());
    source.put("port", call.remotePort());
    source.put("transport", call.transport());
    ObjectNode route = o.putObject("route");
    route.put("line", routeLine);
    route.put("room", routeRoom);
    ObjectNode headers = o.putObject("headers");
    for (String name : ask.headers()) {
      String v = call.header(name);
      if (v != null) headers.put(name, v);
    }
    return o;
  }

  /** Reads an answer; every field is checked, a bad one names itself. */
  static Decision decision(JsonNode a) {
    if (!a.isObject()) throw new IllegalArgumentException("the answer is not a JSON object");
    String action = a.path("action").asText("");
    return switch (action) {
      case "join" -> {
        String room = text(a, "room");
        if (room != null && !RoomTemplate.isValidRoomName(room)) {
          throw new IllegalArgumentException("room '" + room + "' is not a valid room name");
        }
        String pin = text(a, "pin");
        if (pin != null && !pin.matches("\\d{1,16}")) throw new IllegalArgumentException("pin must be 1-16 digits");
        yield new Decision.Join(room, flags(a.get("flags")), pin);
      }
      case "play" -> {
        String sound = text(a, "sound");
        if (sound == null || sound.isBlank()) throw new IllegalArgumentException("play needs a sound");
        // Never a path: whoever answers the webhook must not make us read any file on the server.
        if (sound.startsWith(AnnouncementFiles.PREFIX)) AnnouncementFiles.checkName(sound.substring(AnnouncementFiles.PREFIX.length()));
        else if (!sound.startsWith("builtin:")) {
          throw new IllegalArgumentException("sound must be builtin:NAME or file:NAME (a file in the announcements directory), got '"
              + sound + "'");
        }
        yield new Decision.Play(sound);
      }
      case "reject" -> {
        JsonNode s = a.get("status");
        int status = s == null || s.isNull() ? 403 : s.isInt() ? s.intValue() : -1;
        if (status < 400 || status > 699) throw new IllegalArgumentException("status must be 400..699, got " + s);
        String reason = text(a, "reason");
        yield new Decision.Reject(status, reason == null || reason.isBlank() ? "Rejected" : reason.replaceAll("[\\r\\n]", " "));
      }
      default -> throw new IllegalArgumentException("action must be join, play or reject, got '" + action + "'");
    };
  }

  private static String text(JsonNode a, String field) {
    JsonNode v = a.get(field);
    if (v == null || v.isNull()) return null;
    if (!v.isTextual()) throw new IllegalArgumentException(field + " must be a string, got " + v);
    return v.textValue();
  }

  private static Set<MemberFlag> flags(JsonNode f) {
    if (f == null || f.isNull()) return Set.of();
    if (f.isTextual()) return MemberFlag.parseList(f.textValue());
    if (!f.isArray()) throw new IllegalArgumentException("flags must be a list of flag names, got " + f);
    Set<MemberFlag> flags = java.util.EnumSet.noneOf(MemberFlag.class);
    for (JsonNode item : f) {
      if (!item.isTextual()) throw new IllegalArgumentException("flags must be strings, got " + item);
      flags.addAll(MemberFlag.parseList(item.textValue()));
    }
    return flags;
  }

  static void logNoAnswer(IncomingCall call, RouteAsk ask, Decision.NoAnswer n) {
    log.warn("call {}: routing webhook {}: {}; fallback {}", call.callId(), ask.url(), n.why(), ask.fallback().key());
  }
}
