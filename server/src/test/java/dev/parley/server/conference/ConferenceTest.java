package dev.parley.server.conference;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.media.engine.MediaEngine;
import dev.parley.media.engine.MediaEngineConfig;
import dev.parley.media.engine.MemberListener;
import dev.parley.media.engine.RoomMediaSpec;
import dev.parley.server.config.MemberFlag;
import java.time.Clock;
import java.util.Set;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Room policies with a real (idle) media engine and fake legs. */
class ConferenceTest {
  private MediaEngine engine;
  private ScheduledExecutorService timers;
  private Conference conference;

  @BeforeEach
  void start() throws Exception {
    engine = new MediaEngine(new MediaEngineConfig("127.0.0.1", 41000, 41199, 1, Duration.ofSeconds(60)));
    timers = Executors.newSingleThreadScheduledExecutor();
    conference = new Conference(engine, Clock.systemUTC(), timers, new ConferenceEvents());
  }

  @AfterEach
  void stop() {
    timers.shutdownNow();
    engine.close();
  }

  private static RoomProfile profile(int maxMembers, boolean lonely, Duration grace) {
    return RoomProfile.plain("p", new RoomMediaSpec("p", 8000, 20, 100, 0), maxMembers, lonely, grace);
  }

  private static final class FakeLeg implements Leg {
    final String id;
    final CountDownLatch hungUp = new CountDownLatch(1);
    volatile LeaveReason reason;

    FakeLeg(String id) {
      this.id = id;
    }

    @Override
    public String id() {
      return id;
    }

    @Override
    public String caller() {
      return "sip:" + id + "@127.0.0.1";
    }

    @Override
    public void hangup(LeaveReason r) {
      reason = r;
      hungUp.countDown();
    }
  }

  private Member join(Room room, String id) throws Exception {
    return join(room, new FakeLeg(id), Set.of(), false);
  }

  private Member join(Room room, FakeLeg leg, Set<MemberFlag> flags, boolean moderator) throws Exception {
    return room.join(leg, room.media().addMember(new MemberListener() {
      @Override
      public void onRtpTimeout() {}
    }), flags, moderator);
  }

  @Test
  void aFullRoomRefusesTheNextCallerAndCountsPendingCallers() throws Exception {
    RoomProfile p = profile(2, true, Duration.ofSeconds(30));
    Room room = ((Admission.Admitted) conference.admit("r", p)).room();
    join(room, "a");
    assertThat(conference.admit("r", p)).isInstanceOf(Admission.Admitted.class); // reserved, not joined
    assertThat(conference.admit("r", p)).isInstanceOf(Admission.Refused.class);
    room.release();
    assertThat(conference.admit("r", p)).isInstanceOf(Admission.Admitted.class);
  }

  @Test
  void theRoomIsRemovedWhenTheLastMemberLeaves() throws Exception {
    RoomProfile p = profile(0, true, Duration.ofSeconds(30));
    Room room = ((Admission.Admitted) conference.admit("r", p)).room();
    Member a = join(room, "a");
    conference.removeIfIdle(room);
    assertThat(conference.room("r")).isSameAs(room);
    room.leave(a, LeaveReason.HUNG_UP);
    conference.removeIfIdle(room);
    assertThat(conference.room("r")).isNull();
    Room again = ((Admission.Admitted) conference.admit("r", p)).room();
    assertThat(again).isNotSameAs(room);
  }

  @Test
  void aMemberLeftAloneInANonLonelyRoomIsHungUpAfterTheGrace() throws Exception {
    RoomProfile p = profile(0, false, Duration.ofMillis(200));
    Room room = ((Admission.Admitted) conference.admit("r", p)).room();
    FakeLeg a = new FakeLeg("a");
    room.join(a, room.media().addMember(() -> {}), Set.of(), false);
    assertThat(a.hungUp.await(3, TimeUnit.SECONDS)).isTrue();
    assertThat(a.reason).isEqualTo(LeaveReason.LONELY);
  }

  @Test
  void somebodyJoiningCancelsTheLonelyHangup() throws Exception {
    RoomProfile p = profile(0, false, Duration.ofMillis(300));
    Room room = ((Admission.Admitted) conference.admit("r", p)).room();
    FakeLeg a = new FakeLeg("a");
    room.join(a, room.media().addMember(() -> {}), Set.of(), false);
    conference.admit("r", p);
    join(room, "b");
    assertThat(a.hungUp.await(800, TimeUnit.MILLISECONDS)).isFalse();
  }

  @Test
  void aLonelyRoomKeepsAMemberAlone() throws Exception {
    RoomProfile p = profile(0, true, Duration.ofMillis(100));
    Room room = ((Admission.Admitted) conference.admit("r", p)).room();
    FakeLeg a = new FakeLeg("a");
    room.join(a, room.media().addMember(() -> {}), Set.of(), false);
    assertThat(a.hungUp.await(500, TimeUnit.MILLISECONDS)).isFalse();
    assertThat(room.size()).isEqualTo(1);
  }

  private Room admitted(RoomProfile p) {
    return ((Admission.Admitted) conference.admit("r", p)).room();
  }

  @Test
  void aLockedRoomRefusesNewCallersUntilUnlocked() throws Exception {
    RoomProfile p = profile(0, true, Duration.ofSeconds(30));
    Room room = admitted(p);
    join(room, "a");
    room.setLocked(true);
    assertThat(conference.admit("r", p)).isEqualTo(new Admission.Refused("r", Admission.Refusal.LOCKED, 0));
    room.setLocked(false);
    assertThat(conference.admit("r", p)).isInstanceOf(Admission.Admitted.class);
  }

  @Test
  void joinOnlyCallersAreRefusedWhenTheRoomDoesNotExist() {
    RoomProfile p = profile(0, true, Duration.ofSeconds(30));
    assertThat(conference.admit("r", p, true)).isEqualTo(new Admission.Refused("r", Admission.Refusal.NO_SUCH_ROOM, 0));
    assertThat(conference.room("r")).isNull();
  }

  @Test
  void anEndConferenceMemberLeavingHangsEverybodyUp() throws Exception {
    RoomProfile p = profile(0, true, Duration.ofSeconds(30));
    Room room = admitted(p);
    FakeLeg boss = new FakeLeg("boss");
    Member b = join(room, boss, Set.of(MemberFlag.END_CONFERENCE), false);
    conference.admit("r", p);
    FakeLeg other = new FakeLeg("other");
    join(room, other, Set.of(), false);
    room.leave(b, LeaveReason.HUNG_UP);
    assertThat(other.hungUp.await(1, TimeUnit.SECONDS)).isTrue();
    assertThat(other.reason).isEqualTo(LeaveReason.ROOM_ENDED);
  }

  @Test
  void theRoomEndsWithItsLastModeratorWhenTheProfileSaysSo() throws Exception {
    RoomProfile p = profile(0, true, Duration.ofSeconds(30)).withPolicies(Pins.NONE, Set.of(), false, true);
    Room room = admitted(p);
    Member m1 = join(room, new FakeLeg("m1"), Set.of(), true);
    conference.admit("r", p);
    Member m2 = join(room, new FakeLeg("m2"), Set.of(), true);
    conference.admit("r", p);
    FakeLeg plain = new FakeLeg("plain");
    join(room, plain, Set.of(), false);
    room.leave(m1, LeaveReason.HUNG_UP);
    assertThat(plain.hungUp.await(300, TimeUnit.MILLISECONDS)).as("one moderator is still in").isFalse();
    room.leave(m2, LeaveReason.HUNG_UP);
    assertThat(plain.hungUp.await(1, TimeUnit.SECONDS)).isTrue();
  }

  @Test
  void membersWaitForAModeratorAndJoinWhenOneArrives() throws Exception {
    RoomProfile p = profile(0, true, Duration.ofSeconds(30));
    Room room = admitted(p);
    Member waiting = join(room, new FakeLeg("w"), Set.of(MemberFlag.WAIT_FOR_MODERATOR), false);
    assertThat(waiting.state().waiting()).isTrue();
    conference.admit("r", p);
    join(room, new FakeLeg("mod"), Set.of(), true);
    assertThat(waiting.state().waiting()).isFalse();
  }

  @Test
  void muteAllSparesModeratorsAndUnmuteAllUndoesIt() throws Exception {
    RoomProfile p = profile(0, true, Duration.ofSeconds(30));
    Room room = admitted(p);
    Member mod = join(room, new FakeLeg("mod"), Set.of(), true);
    conference.admit("r", p);
    Member a = join(room, new FakeLeg("a"), Set.of(), false);
    room.muteAllButModerators();
    assertThat(a.state().muted()).isTrue();
    assertThat(mod.state().muted()).isFalse();
    room.unmuteAll();
    assertThat(a.state().muted()).isFalse();
  }

  @Test
  void kickLastRemovesTheNewestMemberButNeverTheOneWhoAsked() throws Exception {
    RoomProfile p = profile(0, true, Duration.ofSeconds(30));
    Room room = admitted(p);
    FakeLeg first = new FakeLeg("first");
    join(room, first, Set.of(), false);
    conference.admit("r", p);
    FakeLeg mod = new FakeLeg("mod");
    Member m = join(room, mod, Set.of(), true);
    assertThat(room.kickLast(m).leg()).isSameAs(first);
    assertThat(first.hungUp.await(1, TimeUnit.SECONDS)).isTrue();
    assertThat(first.reason).isEqualTo(LeaveReason.KICKED);
    assertThat(mod.hungUp.getCount()).isEqualTo(1);
  }

  @Test
  void eventsArriveInOrderWithGaplessSequenceNumbers() throws Exception {
    java.util.List<String> seen = new java.util.concurrent.CopyOnWriteArrayList<>();
    java.util.List<Long> seqs = new java.util.concurrent.CopyOnWriteArrayList<>();
    CountDownLatch four = new CountDownLatch(4);
    conference.events().subscribe((seq, e) -> {
      seen.add(e.type());
      seqs.add(seq);
      four.countDown();
    });
    RoomProfile p = profile(0, true, Duration.ofSeconds(30));
    Room room = admitted(p);
    Member a = join(room, "a");
    room.setMuted(a, true);
    room.leave(a, LeaveReason.HUNG_UP);
    assertThat(four.await(2, TimeUnit.SECONDS)).isTrue();
    assertThat(seen).startsWith("room.created", "member.joined", "member.updated", "member.left");
    assertThat(seqs.get(0) + 3).isEqualTo(seqs.get(3));
  }

  @Test
  void aGhostIsInTheRoomButNotCountedAndLeavesNobodyLonely() throws Exception {
    RoomProfile p = profile(0, false, Duration.ofMillis(300));
    Room room = admitted(p);
    FakeLeg alone = new FakeLeg("alone");
    join(room, alone, Set.of(), false);
    conference.admit("r", p);
    join(room, new FakeLeg("ghost"), Set.of(MemberFlag.GHOST), false);
    assertThat(room.size()).isEqualTo(2);
    assertThat(room.countedSize()).isEqualTo(1);
    assertThat(alone.hungUp.await(2, TimeUnit.SECONDS)).as("still alone as far as lonely goes").isTrue();
  }

  @Test
  void flagsFromTheRouteSetTheMembersStartingState() throws Exception {
    RoomProfile p = profile(0, true, Duration.ofSeconds(30));
    Room room = admitted(p);
    Member m = join(room, new FakeLeg("m"), Set.of(MemberFlag.MUTED, MemberFlag.DEAF, MemberFlag.MODERATOR), false);
    assertThat(m.state().muted()).isTrue();
    assertThat(m.state().deaf()).isTrue();
    assertThat(m.state().moderator()).isTrue();
  }

  @Test
  void volumeStepsStopAtPlusAndMinusFour() throws Exception {
    Room room = admitted(profile(0, true, Duration.ofSeconds(30)));
    Member m = join(room, "m");
    for (int i = 0; i < 6; i++) room.setTalkStep(m, m.state().talkStep() + 1);
    assertThat(m.state().talkStep()).isEqualTo(4);
    for (int i = 0; i < 10; i++) room.setListenStep(m, m.state().listenStep() - 1);
    assertThat(m.state().listenStep()).isEqualTo(-4);
  }
}
