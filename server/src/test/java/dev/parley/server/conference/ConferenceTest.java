package dev.parley.server.conference;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.media.engine.MediaEngine;
import dev.parley.media.engine.MediaEngineConfig;
import dev.parley.media.engine.MemberListener;
import dev.parley.media.engine.RoomMediaSpec;
import java.time.Clock;
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
    conference = new Conference(engine, Clock.systemUTC(), timers);
  }

  @AfterEach
  void stop() {
    timers.shutdownNow();
    engine.close();
  }

  private static RoomProfile profile(int maxMembers, boolean lonely, Duration grace) {
    return new RoomProfile("p", new RoomMediaSpec("p", 8000, 20, 100, 0), maxMembers, lonely, grace, null, null, null, null);
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
    return room.join(new FakeLeg(id), room.media().addMember(new MemberListener() {
      @Override
      public void onRtpTimeout() {}
    }));
  }

  @Test
  void aFullRoomRefusesTheNextCallerAndCountsPendingCallers() throws Exception {
    RoomProfile p = profile(2, true, Duration.ofSeconds(30));
    Room room = ((Conference.Admission.Admitted) conference.admit("r", p)).room();
    join(room, "a");
    assertThat(conference.admit("r", p)).isInstanceOf(Conference.Admission.Admitted.class); // reserved, not joined
    assertThat(conference.admit("r", p)).isInstanceOf(Conference.Admission.Full.class);
    room.release();
    assertThat(conference.admit("r", p)).isInstanceOf(Conference.Admission.Admitted.class);
  }

  @Test
  void theRoomIsRemovedWhenTheLastMemberLeaves() throws Exception {
    RoomProfile p = profile(0, true, Duration.ofSeconds(30));
    Room room = ((Conference.Admission.Admitted) conference.admit("r", p)).room();
    Member a = join(room, "a");
    conference.removeIfIdle(room);
    assertThat(conference.room("r")).isSameAs(room);
    room.leave(a, LeaveReason.HUNG_UP);
    conference.removeIfIdle(room);
    assertThat(conference.room("r")).isNull();
    Room again = ((Conference.Admission.Admitted) conference.admit("r", p)).room();
    assertThat(again).isNotSameAs(room);
  }

  @Test
  void aMemberLeftAloneInANonLonelyRoomIsHungUpAfterTheGrace() throws Exception {
    RoomProfile p = profile(0, false, Duration.ofMillis(200));
    Room room = ((Conference.Admission.Admitted) conference.admit("r", p)).room();
    FakeLeg a = new FakeLeg("a");
    room.join(a, room.media().addMember(() -> {}));
    assertThat(a.hungUp.await(3, TimeUnit.SECONDS)).isTrue();
    assertThat(a.reason).isEqualTo(LeaveReason.LONELY);
  }

  @Test
  void somebodyJoiningCancelsTheLonelyHangup() throws Exception {
    RoomProfile p = profile(0, false, Duration.ofMillis(300));
    Room room = ((Conference.Admission.Admitted) conference.admit("r", p)).room();
    FakeLeg a = new FakeLeg("a");
    room.join(a, room.media().addMember(() -> {}));
    conference.admit("r", p);
    join(room, "b");
    assertThat(a.hungUp.await(800, TimeUnit.MILLISECONDS)).isFalse();
  }

  @Test
  void aLonelyRoomKeepsAMemberAlone() throws Exception {
    RoomProfile p = profile(0, true, Duration.ofMillis(100));
    Room room = ((Conference.Admission.Admitted) conference.admit("r", p)).room();
    FakeLeg a = new FakeLeg("a");
    room.join(a, room.media().addMember(() -> {}));
    assertThat(a.hungUp.await(500, TimeUnit.MILLISECONDS)).isFalse();
    assertThat(room.size()).isEqualTo(1);
  }
}
