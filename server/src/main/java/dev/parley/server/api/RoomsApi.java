package dev.parley.server.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.parley.media.audio.Prompt;
import com.fasterxml.jackson.databind.JsonNode;
import dev.parley.server.conference.CallControl;
import dev.parley.server.conference.Conference;
import dev.parley.server.conference.LeaveReason;
import dev.parley.server.conference.Room;
import dev.parley.server.conference.RoomProfile;
import dev.parley.server.conference.RoomRecording;
import dev.parley.server.config.MemberFlag;
import dev.parley.server.config.RoomTemplate;
import io.javalin.http.Context;
import java.time.Duration;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** The room endpoints: list, show, create, lock, end, play, record, and invites into the room. */
final class RoomsApi {
  /** How long a room created without {@code holdOpen} waits for its first member by default. */
  static final int DEFAULT_EMPTY_SECONDS = 60;

  private final Conference conference;
  private final ObjectMapper mapper;
  private final PlayRequest play;
  private final CallControl calls;

  RoomsApi(Conference conference, ObjectMapper mapper, PlayRequest play, CallControl calls) {
    this.conference = conference;
    this.mapper = mapper;
    this.play = play;
    this.calls = calls;
  }

  Room room(Context ctx) {
    String name = ctx.pathParam("room");
    Room r = conference.room(name);
    if (r == null) throw ApiException.roomNotFound(name);
    return r;
  }

  /** Every room now, for finding where a moved call went. */
  java.util.List<Room> all() {
    return conference.rooms();
  }

  void list(Context ctx) {
    ctx.json(Map.of("rooms",
        conference.rooms().stream().sorted(Comparator.comparing(Room::name)).map(Views::room).toList()));
  }

  void show(Context ctx) {
    ctx.json(Views.detail(room(ctx)));
  }

  void lock(Context ctx) {
    Room r = room(ctx);
    r.setLocked(true);
    ctx.json(Views.room(r));
  }

  void unlock(Context ctx) {
    Room r = room(ctx);
    r.setLocked(false);
    ctx.json(Views.room(r));
  }

  /** Hangs everybody up; the room goes when the last call is gone, so the answer is 202. */
  void end(Context ctx) {
    Room r = room(ctx);
    int members = r.size();
    r.end(LeaveReason.ROOM_ENDED);
    // An empty room held open has nobody whose leaving would remove it.
    conference.removeIfIdle(r);
    ctx.status(202).json(Map.of("room", r.name(), "ending", true, "members", members));
  }

  void play(Context ctx) {
    Room r = room(ctx);
    PlayRequest.Play p = play.fromRequest(Bodies.object(ctx, mapper), r.profile().media().rateHz());
    long id = r.announce(p.tag(), p.prompts(), p.interrupt());
    ctx.status(202).json(Map.of("room", r.name(), "id", id, "playing", p.tag(), "mode", p.interrupt() ? "interrupt" : "queue",
        "durationMillis", p.durationMillis()));
  }

  /**
   * {@code {"name": "board", "profile": "default", "holdOpen": false, "emptySeconds": 60}}: an empty
   * room. Held open it stays, empty or not, until {@code DELETE}; otherwise it is removed when still
   * empty after {@code emptySeconds}, and once someone joined it goes like any room.
   */
  void create(Context ctx) {
    ObjectNode body = Bodies.object(ctx, mapper);
    String name = Bodies.text(body, "name");
    if (name == null) throw ApiException.badRequest("name is required");
    if (!RoomTemplate.isValidRoomName(name)) {
      throw ApiException.badRequest("name '" + name + "' is not a valid room name (at most 64 of letters, digits and _ . + * # -, not starting with . or -)");
    }
    String profileName = Bodies.text(body, "profile");
    if (profileName == null) profileName = "default";
    RoomProfile profile = calls.profile(profileName);
    if (profile == null) throw new ApiException(400, "profile_not_found", "no profile named '" + profileName + "'");
    boolean holdOpen = Bodies.bool(body, "holdOpen", false);
    Integer emptySeconds = Bodies.integer(body, "emptySeconds", 1, 86_400);
    Room r = conference.create(name, profile, holdOpen,
        Duration.ofSeconds(emptySeconds == null ? DEFAULT_EMPTY_SECONDS : emptySeconds));
    if (r == null) throw new ApiException(409, "room_exists", "a room named '" + name + "' exists already");
    ctx.status(201).json(Views.room(r));
  }

  /** Records the room's mix into its profile's {@code record-path}; the file is created before the answer. */
  void startRecording(Context ctx) {
    Room r = room(ctx);
    if (r.recording() != null) throw new ApiException(409, "already_recording", "room '" + r.name() + "' is recording");
    if (!r.startRecording(null)) {
      throw new ApiException(409, "recording_failed",
          "room '" + r.name() + "' could not start recording (it is ending, already recording, or the file cannot be created; the log says which)");
    }
    RoomRecording.State st = r.recording();
    ctx.status(201).json(recordingView(r, st));
  }

  /** Stops it; the file is complete when {@code recording.stopped} is on the event stream. */
  void stopRecording(Context ctx) {
    Room r = room(ctx);
    RoomRecording.State st = r.recording();
    if (st == null || !r.stopRecording()) throw new ApiException(409, "not_recording", "room '" + r.name() + "' is not recording");
    ctx.status(202).json(recordingView(r, st));
  }

  private static Map<String, Object> recordingView(Room r, RoomRecording.State st) {
    Map<String, Object> v = new LinkedHashMap<>();
    v.put("room", r.name());
    if (st != null) {
      v.put("file", st.file().toString());
      v.put("startedAt", st.startedAt().toString());
      v.put("paused", st.paused());
    }
    return v;
  }

  /**
   * {@code {"dialString": "user/1004", "callerIdNumber": "3000", "callerIdName": "Board", "flags": ["muted"]}}:
   * places a call into the room; its progress is on the event stream as {@code invite.*}.
   */
  void dial(Context ctx) {
    Room r = room(ctx);
    ObjectNode body = Bodies.object(ctx, mapper);
    String dialString = Bodies.text(body, "dialString");
    if (dialString == null || dialString.isBlank()) throw ApiException.badRequest("dialString is required, e.g. user/1004");
    String number = Bodies.text(body, "callerIdNumber");
    String name = Bodies.text(body, "callerIdName");
    Set<MemberFlag> flags = flags(body);
    String id;
    try {
      id = calls.dial(r, dialString, number, name, flags);
    } catch (IllegalArgumentException e) {
      throw new ApiException(400, "bad_dial_string", "dialString '" + dialString + "': " + e.getMessage());
    } catch (IllegalStateException e) {
      throw new ApiException(409, "conflict", e.getMessage());
    }
    Map<String, Object> v = new LinkedHashMap<>();
    v.put("room", r.name());
    v.put("invite", id);
    v.put("dialString", dialString);
    ctx.status(201).json(v);
  }

  private static Set<MemberFlag> flags(ObjectNode body) {
    JsonNode f = body.get("flags");
    Set<MemberFlag> flags = EnumSet.noneOf(MemberFlag.class);
    if (f == null || f.isNull()) return flags;
    if (!f.isArray()) throw ApiException.badRequest("flags must be a list of flag names, e.g. [\"muted\", \"deaf\"]");
    for (JsonNode item : f) {
      if (!item.isTextual()) throw ApiException.badRequest("flags must be strings, got " + item);
      try {
        flags.addAll(MemberFlag.parseList(item.textValue()));
      } catch (IllegalArgumentException e) {
        throw ApiException.badRequest("flags: " + e.getMessage());
      }
    }
    return flags;
  }

  /** CANCEL while it rings, BYE once answered. */
  void cancelInvite(Context ctx) {
    Room r = room(ctx);
    String id = ctx.pathParam("invite");
    CallControl.CancelOutcome outcome = calls.cancel(r.name(), id);
    if (outcome == CallControl.CancelOutcome.UNKNOWN) {
      throw new ApiException(404, "invite_not_found", "no live invite " + id + " in room '" + r.name() + "'");
    }
    ctx.status(202).json(Map.of("room", r.name(), "invite", id,
        "outcome", outcome == CallControl.CancelOutcome.CANCELLED ? "cancelled" : "hung-up"));
  }
}
