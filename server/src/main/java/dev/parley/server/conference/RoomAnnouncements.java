package dev.parley.server.conference;

import dev.parley.media.audio.Prompt;
import dev.parley.media.engine.Announcement;
import dev.parley.media.engine.MemberMedia;
import dev.parley.media.engine.RoomMedia;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Announcements of one room: gives each an id (unique within the room, from 1), hands it to the media
 * of the room or of one member, and turns the media thread's news into {@code playback.started} and
 * {@code playback.ended} events. Thread-safe; the listener only publishes (a queue hand-off).
 */
final class RoomAnnouncements {
  private final String room;
  private final Clock clock;
  private final ConferenceEvents events;
  private final AtomicLong nextId = new AtomicLong();

  RoomAnnouncements(String room, Clock clock, ConferenceEvents events) {
    this.room = room;
    this.clock = clock;
    this.events = events;
  }

  /** Plays to the whole room; returns the announcement's id. */
  long toRoom(RoomMedia media, String tag, List<Prompt> prompts, boolean interrupt) {
    Announcement a = announcement(0, tag, prompts);
    media.announce(a, interrupt);
    return a.id();
  }

  /** Plays to one member only; returns the announcement's id. */
  long toMember(int memberId, MemberMedia media, String tag, List<Prompt> prompts, boolean interrupt) {
    Announcement a = announcement(memberId, tag, prompts);
    media.announce(a, interrupt);
    return a.id();
  }

  private Announcement announcement(int member, String tag, List<Prompt> prompts) {
    long id = nextId.incrementAndGet();
    return new Announcement(id, tag, prompts.toArray(Prompt[]::new), new Announcement.PlaybackListener() {
      @Override
      public void onPlaybackStarted(long playbackId) {
        events.publish(new ConferenceEvent.PlaybackStarted(clock.instant(), room, member, playbackId, tag));
      }

      @Override
      public void onPlaybackEnded(long playbackId, boolean interrupted) {
        events.publish(new ConferenceEvent.PlaybackEnded(clock.instant(), room, member, playbackId, tag, interrupted));
      }
    });
  }
}
