package dev.parley.server.api;

import dev.parley.media.jitter.JitterStats;
import dev.parley.media.engine.MemberStats;
import dev.parley.server.conference.Member;
import dev.parley.server.conference.MemberState;
import dev.parley.server.conference.Room;
import dev.parley.server.config.MemberFlag;
import java.util.List;
import java.util.TreeSet;

/** What the API shows of rooms and members: records that Jackson writes as they are. */
final class Views {
  private Views() {}

  /** @param recording whether the room records now (running or paused) */
  record RoomView(String name, String profile, int memberCount, int maxMembers, boolean locked, boolean recording) {}

  record RoomDetail(String name, String profile, int memberCount, int maxMembers, boolean locked, boolean recording,
      List<MemberView> members) {}

  /**
   * @param role {@code moderator} or {@code member}
   * @param energyLevel the gate in force (the member's own, else the room's)
   * @param ownEnergyLevel the member's own level, or -1 when it follows the room
   */
  record MemberView(int id, String callId, String caller, String role, List<String> flags, String codec,
      boolean talking, boolean muted, boolean deaf, boolean waiting, int talkStep, int listenStep, int energyLevel,
      int ownEnergyLevel, String joinedAt, MediaView media) {}

  /** Counters since the member joined; {@code lostPackets} as the jitter buffer saw them; RTCP figures. */
  record MediaView(long packetsReceived, long packetsSent, long lostPackets, long latePackets, long concealedFrames,
      double jitterMillis, int playoutDelayMillis, RtcpView rtcp) {}

  static RoomView room(Room r) {
    return new RoomView(r.name(), r.profile().name(), r.size(), r.profile().maxMembers(), r.locked(), r.recording() != null);
  }

  static RoomDetail detail(Room r) {
    return new RoomDetail(r.name(), r.profile().name(), r.size(), r.profile().maxMembers(), r.locked(),
        r.recording() != null, members(r));
  }

  static List<MemberView> members(Room r) {
    return r.members().stream().map(m -> member(r, m)).toList();
  }

  static MemberView member(Room r, Member m) {
    MemberState s = m.state();
    TreeSet<String> flags = new TreeSet<>();
    for (MemberFlag f : m.flags()) flags.add(f.key());
    MemberStats st = m.media().stats();
    JitterStats js = m.media().jitterStats();
    MediaView media = new MediaView(st.packetsReceived(), st.packetsSent(), js.lostPackets(), js.late(),
        js.concealedFrames(), Math.round(js.jitterMs() * 10) / 10.0, js.currentDelayMs(),
        RtcpView.of(m.media().rtcpStats()));
    return new MemberView(m.id(), m.leg().id(), m.leg().caller(), s.moderator() ? "moderator" : "member",
        List.copyOf(flags), m.media().codecName(), s.talking(), s.muted(), s.deaf(), s.waiting(), s.talkStep(),
        s.listenStep(), r.effectiveEnergyLevel(m), s.energyLevel(), m.joinedAt().toString(), media);
  }
}
