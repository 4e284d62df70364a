package dev.parley.server.conference;

import dev.parley.media.engine.RoomMedia;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One conference room: its members, its policies (max members, lonely, sounds) and its media.
 *
 * <p>Control-plane only: calls arrive on virtual threads and synchronise on the room. The media path
 * never takes this monitor; changes reach it as posted operations on {@link RoomMedia}.
 */
public final class Room {
  private static final Logger log = LoggerFactory.getLogger(Room.class);

  private final String name;
  private final RoomProfile profile;
  private final RoomMedia media;
  private final Clock clock;
  private final ScheduledExecutorService timers;
  private final List<Member> members = new ArrayList<>();
  private int reserved;
  private int nextMemberId = 1;
  private boolean closed;
  private ScheduledFuture<?> lonelyTimer;

  Room(String name, RoomProfile profile, RoomMedia media, Clock clock, ScheduledExecutorService timers) {
    this.name = name;
    this.profile = profile;
    this.media = media;
    this.clock = clock;
    this.timers = timers;
  }

  public String name() {
    return name;
  }

  public RoomProfile profile() {
    return profile;
  }

  public RoomMedia media() {
    return media;
  }

  /**
   * Holds a place for a caller who is being answered, so the max-members check and the join are one
   * decision even when callers arrive together.
   *
   * @return false if the room is full or closed
   */
  synchronized boolean tryReserve() {
    if (closed) return false;
    if (profile.maxMembers() > 0 && members.size() + reserved >= profile.maxMembers()) return false;
    reserved++;
    return true;
  }

  /** Gives back a reservation of a caller who never joined (cancelled, failed negotiation). */
  public synchronized void release() {
    if (reserved > 0) reserved--;
  }

  synchronized boolean idle() {
    return members.isEmpty() && reserved == 0;
  }

  synchronized void markClosed() {
    closed = true;
    cancelLonelyTimer();
    media.close();
  }

  public synchronized List<Member> members() {
    return List.copyOf(members);
  }

  public synchronized int size() {
    return members.size();
  }

  /** Turns a reservation into a member. The member hears the room from now on. */
  public synchronized Member join(Leg leg, dev.parley.media.engine.MemberMedia memberMedia) {
    if (reserved > 0) reserved--;
    Member m = new Member(nextMemberId++, leg, memberMedia, clock.instant());
    members.add(m);
    log.info("call {}: joined room {} as member {} ({} in room)", leg.id(), name, m.id(), members.size());
    if (members.size() == 1) {
      startAlone(m);
    } else {
      if (members.size() == 2) {
        Member first = members.getFirst();
        first.media().stopPlayback();
        cancelLonelyTimer();
      }
      if (profile.enter() != null) media.play("enter", profile.enter());
    }
    return m;
  }

  /** Removes a member (idempotent). The caller then asks the conference to drop the room if idle. */
  public synchronized void leave(Member m, LeaveReason reason) {
    if (!members.remove(m)) return;
    m.media().remove();
    log.info("call {}: left room {} ({}), {} remain", m.leg().id(), name, reason, members.size());
    if (members.size() == 1) {
      startAlone(members.getFirst());
    }
    if (!members.isEmpty() && profile.exit() != null) media.play("exit", profile.exit());
  }

  private void startAlone(Member m) {
    if (profile.alone() != null && profile.music() != null) {
      m.media().play("alone", true, profile.alone(), profile.music());
    } else if (profile.alone() != null) {
      m.media().play("alone", false, profile.alone());
    } else if (profile.music() != null) {
      m.media().play("music", true, profile.music());
    }
    if (!profile.lonely()) {
      cancelLonelyTimer();
      lonelyTimer =
          timers.schedule(() -> hangUpIfStillAlone(m), profile.lonelyGrace().toMillis(), TimeUnit.MILLISECONDS);
    }
  }

  private void hangUpIfStillAlone(Member m) {
    synchronized (this) {
      if (members.size() != 1 || members.getFirst() != m) return;
    }
    log.info("call {}: alone in room {} longer than {}, hanging up", m.leg().id(), name, profile.lonelyGrace());
    m.leg().hangup(LeaveReason.LONELY);
  }

  private void cancelLonelyTimer() {
    if (lonelyTimer != null) {
      lonelyTimer.cancel(false);
      lonelyTimer = null;
    }
  }
}
