package dev.parley.server.call;

import dev.parley.server.conference.CallDetails;
import dev.parley.server.conference.Conference;
import dev.parley.server.conference.ConferenceEvent;
import dev.parley.server.conference.ConferenceListener;
import dev.parley.server.conference.LeaveReason;
import dev.parley.server.conference.Member;
import dev.parley.server.conference.Room;
import dev.parley.server.config.MemberFlag;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Seed 003 without a cron job: a room whose profile names an {@code external} dial string calls it
 * when its first member joins, sends it {@code external-digits} once it answers (to enter a remote
 * conference), hangs it up when the last other member leaves, and redials it with backoff (1 s
 * doubling to 60 s) if it drops while others remain. The external leg joins as a ghost, so it never
 * counts as company.
 */
public final class ExternalParticipant implements ConferenceListener {
  private static final Logger log = LoggerFactory.getLogger(ExternalParticipant.class);
  private static final long FIRST_RETRY_MILLIS = 1000, MAX_RETRY_MILLIS = 60_000;

  private final Conference conference;
  private final Dialer dialer;
  private final Map<String, Link> links = new ConcurrentHashMap<>();

  /** The external leg of one room. */
  private final class Link {
    final String room;
    volatile Dialer.Invite invite;
    volatile boolean wanted = true;
    long retryMillis = FIRST_RETRY_MILLIS;

    Link(String room) {
      this.room = room;
    }
  }

  public ExternalParticipant(Conference conference, Dialer dialer) {
    this.conference = conference;
    this.dialer = dialer;
  }

  @Override
  public void onEvent(long sequence, ConferenceEvent event) {
    switch (event) {
      case ConferenceEvent.MemberJoined j -> {
        Room room = conference.room(j.room());
        if (room == null || room.profile().external() == null || j.flags().contains(MemberFlag.GHOST.key())) return;
        links.computeIfAbsent(j.room(), name -> {
          Link l = new Link(name);
          dial(l);
          return l;
        });
      }
      case ConferenceEvent.MemberLeft left -> {
        Link l = links.get(left.room());
        Room room = conference.room(left.room());
        if (l == null) return;
        if (room == null || othersIn(room) == 0) {
          links.remove(left.room());
          l.wanted = false;
          Dialer.Invite i = l.invite;
          if (i != null) i.end();
          log.info("room {}: the last member left, external participant hung up", left.room());
        }
      }
      case ConferenceEvent.RoomEnded ended -> {
        Link l = links.remove(ended.room());
        if (l != null) l.wanted = false;
      }
      default -> {}
    }
  }

  private static int othersIn(Room room) {
    int n = 0;
    for (Member m : room.members()) if (m.counted()) n++;
    return n;
  }

  private void dial(Link l) {
    Room room = conference.room(l.room);
    if (room == null || !l.wanted) return;
    String target = room.profile().external(), digits = room.profile().externalDigits();
    try {
      l.invite = dialer.dial(room, target, room.name(), Set.of(MemberFlag.GHOST),
          new Placement(CallDetails.Direction.EXTERNAL, "room " + l.room), new Dialer.Outcome() {
        @Override
        public void answered() {
          l.retryMillis = FIRST_RETRY_MILLIS;
          log.info("room {}: external participant {} answered{}", l.room, target, digits.isEmpty() ? "" : ", sending its digits");
          if (!digits.isEmpty()) l.invite.sendDtmf(digits);
        }

        @Override
        public void failed(int status, String reason) {
          retry(l, "failed " + status + " " + reason);
        }

        @Override
        public void ended() {
          retry(l, "dropped");
        }
      });
      log.info("room {}: dialling external participant {}", l.room, target);
    } catch (RuntimeException e) {
      log.warn("room {}: cannot dial external participant {}: {}", l.room, target, e.getMessage());
    }
  }

  private void retry(Link l, String why) {
    if (!l.wanted || links.get(l.room) != l) return;
    long wait = l.retryMillis;
    l.retryMillis = Math.min(MAX_RETRY_MILLIS, wait * 2);
    log.info("room {}: external participant {}, redialling in {} ms", l.room, why, wait);
    conference.timers().schedule(() -> dial(l), wait, TimeUnit.MILLISECONDS);
  }
}
