package dev.parley.server.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.parley.server.conference.Conference;
import dev.parley.server.conference.LeaveReason;
import dev.parley.server.conference.Room;
import io.javalin.http.Context;
import java.util.Comparator;
import java.util.Map;

/** The room endpoints: list, show, lock, end, play; and the ones whose features are still to come. */
final class RoomsApi {
  private final Conference conference;
  private final ObjectMapper mapper;
  private final PlayRequest play;

  RoomsApi(Conference conference, ObjectMapper mapper, PlayRequest play) {
    this.conference = conference;
    this.mapper = mapper;
    this.play = play;
  }

  Room room(Context ctx) {
    String name = ctx.pathParam("room");
    Room r = conference.room(name);
    if (r == null) throw ApiException.roomNotFound(name);
    return r;
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
    ctx.status(202).json(Map.of("room", r.name(), "ending", true, "members", members));
  }

  void play(Context ctx) {
    Room r = room(ctx);
    PlayRequest.Play p = play.fromRequest(Bodies.object(ctx, mapper), r.profile().media().rateHz());
    long id = r.announce(p.tag(), p.prompts(), p.interrupt());
    ctx.status(202).json(Map.of("room", r.name(), "id", id, "playing", p.tag(), "mode", p.interrupt() ? "interrupt" : "queue",
        "durationMillis", p.durationMillis()));
  }

  void create(Context ctx) {
    throw ApiException.notImplemented("creating an empty room (rooms exist while callers are in them)");
  }

  void startRecording(Context ctx) {
    room(ctx);
    throw ApiException.notImplemented("recording");
  }

  void stopRecording(Context ctx) {
    room(ctx);
    throw ApiException.notImplemented("recording");
  }

  void dial(Context ctx) {
    room(ctx);
    throw ApiException.notImplemented("dialling out");
  }

  void cancelInvite(Context ctx) {
    room(ctx);
    throw ApiException.notImplemented("dialling out");
  }
}
