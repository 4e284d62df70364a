package dev.parley.server.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.parley.media.mixer.Gains;
import dev.parley.server.conference.CallControl;
import dev.parley.server.conference.Member;
import dev.parley.server.conference.Room;
import io.javalin.http.Context;
import java.util.Map;

/** The member endpoints: list, show, and the controls a moderator's keypad has. */
final class MembersApi {
  private final RoomsApi rooms;
  private final ObjectMapper mapper;
  private final PlayRequest play;
  private final CallControl calls;

  MembersApi(RoomsApi rooms, ObjectMapper mapper, PlayRequest play, CallControl calls) {
    this.rooms = rooms;
    this.mapper = mapper;
    this.play = play;
    this.calls = calls;
  }

  private record Target(Room room, Member member) {}

  private Target target(Context ctx) {
    Room r = rooms.room(ctx);
    String id = ctx.pathParam("member");
    int n;
    try {
      n = Integer.parseInt(id);
    } catch (NumberFormatException e) {
      throw ApiException.badRequest("a member id is a whole number, got '" + id + "'");
    }
    Member m = r.member(n);
    if (m == null) throw ApiException.memberNotFound(r.name(), id);
    return new Target(r, m);
  }

  private void show(Context ctx, Target t) {
    ctx.json(Views.member(t.room, t.member));
  }

  void list(Context ctx) {
    ctx.json(Map.of("members", Views.members(rooms.room(ctx))));
  }

  void show(Context ctx) {
    show(ctx, target(ctx));
  }

  void mute(Context ctx) {
    Target t = target(ctx);
    t.room.setMuted(t.member, true);
    show(ctx, t);
  }

  void unmute(Context ctx) {
    Target t = target(ctx);
    t.room.setMuted(t.member, false);
    show(ctx, t);
  }

  void deaf(Context ctx) {
    Target t = target(ctx);
    t.room.setDeaf(t.member, true);
    show(ctx, t);
  }

  void undeaf(Context ctx) {
    Target t = target(ctx);
    t.room.setDeaf(t.member, false);
    show(ctx, t);
  }

  /** {@code {"talk": -4..4, "listen": -4..4}}, either or both: 3 dB steps, 0 = as sent. */
  void volume(Context ctx) {
    Target t = target(ctx);
    ObjectNode body = Bodies.object(ctx, mapper);
    Integer talk = Bodies.integer(body, "talk", Gains.MIN_STEP, Gains.MAX_STEP);
    Integer listen = Bodies.integer(body, "listen", Gains.MIN_STEP, Gains.MAX_STEP);
    if (talk == null && listen == null) throw ApiException.badRequest("give talk, listen or both (steps -4..4)");
    if (talk != null) t.room.setTalkStep(t.member, talk);
    if (listen != null) t.room.setListenStep(t.member, listen);
    show(ctx, t);
  }

  /** {@code {"level": 0..32767}}, or -1 to follow the room's level again. */
  void energy(Context ctx) {
    Target t = target(ctx);
    Integer level = Bodies.integer(Bodies.object(ctx, mapper), "level", -1, 32767);
    if (level == null) throw ApiException.badRequest("level is required: 0..32767, or -1 for the room's level");
    t.room.setEnergyLevel(t.member, level);
    show(ctx, t);
  }

  /** The kicked sound, then BYE; the answer comes before the member has gone, hence 202. */
  void kick(Context ctx) {
    Target t = target(ctx);
    t.room.kick(t.member);
    ctx.status(202).json(Map.of("room", t.room.name(), "member", t.member.id(), "kicked", true));
  }

  void play(Context ctx) {
    Target t = target(ctx);
    PlayRequest.Play p = play.fromRequest(Bodies.object(ctx, mapper), t.room.profile().media().rateHz());
    long id = t.room.announceTo(t.member, p.tag(), p.prompts(), p.interrupt());
    ctx.status(202).json(Map.of("room", t.room.name(), "member", t.member.id(), "id", id, "playing", p.tag(),
        "mode", p.interrupt() ? "interrupt" : "queue", "durationMillis", p.durationMillis()));
  }

  /**
   * {@code {"room": "lobby"}} into an existing room (its profile's flags and keys), or
   * {@code {"number": "7001"}} to where that number routes, as the {@code route} key does. No PIN is asked.
   * The member gets a new id in the new room; the answer names it.
   */
  void move(Context ctx) {
    Target t = target(ctx);
    ObjectNode body = Bodies.object(ctx, mapper);
    String room = Bodies.text(body, "room");
    String number = Bodies.text(body, "number");
    if ((room == null) == (number == null)) throw ApiException.badRequest("give either room or number");
    CallControl.MoveOutcome outcome = calls.move(t.room, t.member, number, room);
    switch (outcome) {
      case MOVED -> { }
      case NOT_MOVABLE -> throw new ApiException(409, "not_movable",
          "member " + t.member.id() + " is a call Parley placed; it stays in the room it was dialled into");
      case NO_SUCH_TARGET -> throw room != null ? ApiException.roomNotFound(room)
          : new ApiException(404, "no_route", "no route for '" + number + "'");
      case SAME_ROOM -> throw new ApiException(409, "same_room", "member " + t.member.id() + " is in room '"
          + t.room.name() + "' already");
      case REFUSED -> throw new ApiException(409, "room_refused", "the target room is full, locked or ending, "
          + "or the call ended");
    }
    var call = t.member.leg();
    String now = null;
    Integer newId = null;
    for (var r : rooms.all()) {
      for (var m : r.members()) {
        if (m.leg() == call) {
          now = r.name();
          newId = m.id();
        }
      }
    }
    Map<String, Object> v = new java.util.LinkedHashMap<>();
    v.put("moved", true);
    v.put("from", t.room.name());
    v.put("room", now);
    v.put("member", newId);
    ctx.json(v);
  }
}
