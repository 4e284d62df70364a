package dev.parley.server.api;

import dev.parley.server.conference.Room;
import dev.parley.server.conference.RoomRecording;
import io.javalin.http.Context;
import java.util.Map;

/**
 * Pausing and resuming a room's recording: while paused the room's mix is not written, so the file
 * skips the paused time ({@code recording.paused} and {@code recording.resumed} on the event stream).
 */
final class RecordingPauseApi {
  private final RoomsApi rooms;

  RecordingPauseApi(RoomsApi rooms) {
    this.rooms = rooms;
  }

  void pause(Context ctx) {
    change(ctx, true);
  }

  void resume(Context ctx) {
    change(ctx, false);
  }

  private void change(Context ctx, boolean paused) {
    Room r = rooms.room(ctx);
    RoomRecording.State before = r.recording();
    if (before == null) throw new ApiException(409, "conflict", "room '" + r.name() + "' is not being recorded");
    // Already in that state: answer with it, so a retried request does no harm.
    if (before.paused() != paused) r.pauseRecording(paused);
    RoomRecording.State now = r.recording();
    if (now == null) throw new ApiException(409, "conflict", "room '" + r.name() + "' is not being recorded");
    ctx.json(Map.of("room", r.name(), "path", now.file().toString(), "startedAt", now.startedAt().toString(),
        "paused", now.paused()));
  }
}
