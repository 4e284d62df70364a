package dev.parley.server.conference;

import dev.parley.media.engine.RoomMedia;
import dev.parley.media.record.RoomRecorder;
import dev.parley.server.config.RecordPathTemplate;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZonedDateTime;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The recording of one room: at most one at a time, started, paused and stopped from control threads.
 * The file is created outside the room's monitor (it is I/O); the media thread only copies frames into
 * the recorder's ring. Thread-safe: guarded by this object's monitor, which is never held during I/O.
 */
public final class RoomRecording {
  private static final Logger log = LoggerFactory.getLogger(RoomRecording.class);

  /** What is being recorded, for the API. */
  public record State(Path file, Instant startedAt, boolean paused) {}

  private final String room;
  private final RoomMedia media;
  private final RoomProfile profile;
  private final Clock clock;
  private final ConferenceEvents events;
  private RoomRecorder recorder;
  private Instant startedAt;
  private boolean starting;
  private boolean closed;

  RoomRecording(String room, RoomMedia media, RoomProfile profile, Clock clock, ConferenceEvents events) {
    this.room = room;
    this.media = media;
    this.profile = profile;
    this.clock = clock;
    this.events = events;
  }

  /**
   * Starts recording into {@code file}, or the profile's path template when null.
   *
   * @return false when a recording runs already, the room is closed, or the file cannot be created
   */
  boolean start(Path file) {
    Instant now = clock.instant();
    synchronized (this) {
      if (closed || starting || recorder != null) return false;
      starting = true;
    }
    Path target = file != null ? file : Path.of(RecordPathTemplate.expand(profile.recording().pathTemplate(), room,
        ZonedDateTime.ofInstant(now, clock.getZone())));
    RoomRecorder r;
    try {
      r = RoomRecorder.start(target, profile.media().rateHz(), profile.recording().format());
    } catch (IOException e) {
      log.warn("room {}: cannot record to {}: {}", room, target, e.toString());
      synchronized (this) {
        starting = false;
      }
      return false;
    }
    synchronized (this) {
      starting = false;
      if (closed) {
        r.end();
        return false;
      }
      recorder = r;
      startedAt = now;
      media.record(r);
      log.info("room {}: recording to {}", room, target);
      events.publish(new ConferenceEvent.RecordingStarted(now, room, target.toString(), false));
    }
    r.finished().thenAccept(res -> finished(res, now));
    if (profile.recording().warning() != null) media.play("recording", profile.recording().warning());
    return true;
  }

  /** @return false when nothing is recording or it is already in that state */
  synchronized boolean pause(boolean paused) {
    if (recorder == null || recorder.paused() == paused) return false;
    recorder.pause(paused);
    String path = recorder.file().toString();
    log.info("room {}: recording {}", room, paused ? "paused" : "resumed");
    events.publish(paused
        ? new ConferenceEvent.RecordingPaused(clock.instant(), room, path)
        : new ConferenceEvent.RecordingStarted(clock.instant(), room, path, true));
    return true;
  }

  /** @return false when nothing is recording */
  synchronized boolean stop() {
    if (recorder == null) return false;
    media.stopRecording();
    recorder = null;
    return true;
  }

  synchronized State state() {
    return recorder == null ? null : new State(recorder.file(), startedAt, recorder.paused());
  }

  /** The room is going: its media ends the recorder; no new recording may start. */
  synchronized void close() {
    closed = true;
    if (recorder != null) media.stopRecording();
    recorder = null;
  }

  private void finished(RoomRecorder.Result res, Instant started) {
    log.info("room {}: recording {} ended, {} ms, {} bytes{}", room, res.file(), res.durationMillis(), res.sizeBytes(),
        res.droppedFrames() > 0 ? ", " + res.droppedFrames() + " frames dropped" : "");
    events.publish(new ConferenceEvent.RecordingStopped(clock.instant(), room, res.file().toString(), started,
        res.durationMillis(), res.sizeBytes()));
  }
}
