package dev.parley.server.conference;

import dev.parley.media.engine.MemberMedia;
import java.time.Instant;

/**
 * A leg in a room. Identity and the handles to its call and its media; mutable conference state of
 * the member lives in {@link Room} under the room's monitor.
 */
public final class Member {
  private final int id;
  private final Leg leg;
  private final MemberMedia media;
  private final Instant joinedAt;

  Member(int id, Leg leg, MemberMedia media, Instant joinedAt) {
    this.id = id;
    this.leg = leg;
    this.media = media;
    this.joinedAt = joinedAt;
  }

  public int id() {
    return id;
  }

  public Leg leg() {
    return leg;
  }

  public MemberMedia media() {
    return media;
  }

  public Instant joinedAt() {
    return joinedAt;
  }

  @Override
  public String toString() {
    return "member " + id + " (" + leg.id() + ")";
  }
}
