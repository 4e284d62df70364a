package dev.parley.server.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.server.conference.CallDetails;
import dev.parley.server.conference.ConferenceEvent;
import dev.parley.server.conference.LeaveReason;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Conference events in, rows out, on SQLite and on PostgreSQL. */
class BillingWriterTest {

  @TempDir Path dir;

  private static final Instant T0 = Instant.parse("2025-03-01T10:00:00Z");
  private static final CallDetails ALICE = new CallDetails("1001", "Alice", "3000", "Conference", "PCMU/8000",
      CallDetails.Direction.DIALLED_IN, "", true, false);
  private static final CallDetails BOB = new CallDetails("1002", "", "3000", "", "PCMA/8000",
      CallDetails.Direction.DIALLED_IN, "", false, false);

  private static Instant at(double seconds) {
    return T0.plusMillis((long) (seconds * 1000));
  }

  private static void feed(BillingWriter w, ConferenceEvent... events) {
    long seq = 0;
    for (ConferenceEvent e : events) w.onEvent(++seq, e);
  }

  private static ConferenceEvent.MemberJoined joined(double t, int member, String callId, CallDetails d) {
    return new ConferenceEvent.MemberJoined(at(t), "3000", member, callId, "sip:" + d.callerNumber() + "@x", false,
        Set.of(), d);
  }

  @ParameterizedTest
  @EnumSource(TestDatabases.class)
  void aMemberRecordIsOpenedAtJoinAndClosedAtLeaveWithItsDurationAndReason(TestDatabases kind) throws Exception {
    try (Database db = kind.open(dir)) {
      BillingWriter w = new BillingWriter(db, Clock.fixed(T0, ZoneOffset.UTC), Duration.ofSeconds(10)).start();
      feed(w,
          new ConferenceEvent.RoomCreated(at(0), "3000", "default"),
          joined(0.5, 1, "call-a", ALICE),
          joined(2, 2, "call-b", BOB),
          new ConferenceEvent.MemberLeft(at(12.25), "3000", 2, "call-b", LeaveReason.KICKED),
          new ConferenceEvent.MemberLeft(at(20.5), "3000", 1, "call-a", LeaveReason.HUNG_UP),
          new ConferenceEvent.RoomEnded(at(20.5), "3000"));
      w.close();

      List<BillingRecord> records = new BillingRecords(db).query("3000", null, null);
      assertThat(records).hasSize(2);
      BillingRecord a = records.get(0);
      assertThat(a.callId()).isEqualTo("call-a");
      assertThat(a.callerNumber()).isEqualTo("1001");
      assertThat(a.callerName()).isEqualTo("Alice");
      assertThat(a.calledNumber()).isEqualTo("3000");
      assertThat(a.calledName()).isEqualTo("Conference");
      assertThat(a.direction()).isEqualTo("DIALLED_IN");
      assertThat(a.codec()).isEqualTo("PCMU/8000");
      assertThat(a.billing()).isTrue();
      assertThat(a.joinedAt()).isEqualTo(at(0.5));
      assertThat(a.leftAt()).isEqualTo(at(20.5));
      assertThat(a.durationMillis()).isEqualTo(20_000L);
      assertThat(a.leaveReason()).isEqualTo("HUNG_UP");
      BillingRecord b = records.get(1);
      assertThat(b.durationMillis()).isEqualTo(10_250L);
      assertThat(b.leaveReason()).isEqualTo("KICKED");
      assertThat(b.billing()).isFalse();
      assertThat(b.roomSessionId()).isEqualTo(a.roomSessionId());

      List<RoomSessionRecord> rooms = new BillingRecords(db).rooms("3000", null, null);
      assertThat(rooms).singleElement().satisfies(r -> {
        assertThat(r.startedAt()).isEqualTo(at(0));
        assertThat(r.endedAt()).isEqualTo(at(20.5));
        assertThat(r.peakMembers()).isEqualTo(2);
        assertThat(r.id()).isEqualTo(a.roomSessionId());
      });
    }
  }

  @ParameterizedTest
  @EnumSource(TestDatabases.class)
  void recordsLeftOpenByACrashAreClosedAtTheirLastHeartbeatAsServerStopped(TestDatabases kind) throws Exception {
    try (Database db = kind.open(dir)) {
      // The heartbeat's clock says 35 s: the moment the dead server was last alive.
      BillingWriter w = new BillingWriter(db, Clock.fixed(at(35), ZoneOffset.UTC), Duration.ofSeconds(10)).start();
      feed(w, new ConferenceEvent.RoomCreated(at(0), "3000", "default"), joined(1, 1, "call-a", ALICE),
          joined(5, 2, "call-b", BOB), new ConferenceEvent.MemberLeft(at(9), "3000", 2, "call-b", LeaveReason.HUNG_UP));
      w.close(); // writes a last heartbeat, as a running server would have before the kill

      CrashRecovery.Closed closed = CrashRecovery.run(db, 8000);

      assertThat(closed.members()).isEqualTo(1);
      assertThat(closed.rooms()).isEqualTo(1);
      List<BillingRecord> records = new BillingRecords(db).query(null, null, null);
      assertThat(records.get(0).leaveReason()).isEqualTo("SERVER_STOPPED");
      assertThat(records.get(0).leftAt()).isEqualTo(at(35));
      assertThat(records.get(0).durationMillis()).isEqualTo(34_000L);
      assertThat(records.get(1).leaveReason()).as("closed before the crash").isEqualTo("HUNG_UP");
      assertThat(new BillingRecords(db).rooms(null, null, null).get(0).endReason()).isEqualTo("SERVER_STOPPED");
      assertThat(CrashRecovery.run(db, 8000).members()).as("a second start finds nothing open").isZero();
    }
  }

  @ParameterizedTest
  @EnumSource(TestDatabases.class)
  void aRecordingIsARowWithPathStartDurationAndSizeCountedInItsRoomSession(TestDatabases kind) throws Exception {
    try (Database db = kind.open(dir)) {
      BillingWriter w = new BillingWriter(db, Clock.fixed(T0, ZoneOffset.UTC), Duration.ofSeconds(10)).start();
      feed(w, new ConferenceEvent.RoomCreated(at(0), "3000", "default"),
          new ConferenceEvent.RecordingStarted(at(1), "3000", "/rec/a.wav", false),
          new ConferenceEvent.RecordingStarted(at(3), "3000", "/rec/a.wav", true),
          new ConferenceEvent.RecordingStopped(at(11), "3000", "/rec/a.wav", at(1), 9_000, 144_044));
      w.close();

      assertThat(new BillingRecords(db).recordings("3000", null, null)).singleElement().satisfies(r -> {
        assertThat(r.path()).isEqualTo("/rec/a.wav");
        assertThat(r.startedAt()).isEqualTo(at(1));
        assertThat(r.durationMillis()).isEqualTo(9_000L);
        assertThat(r.sizeBytes()).isEqualTo(144_044L);
      });
      assertThat(new BillingRecords(db).rooms("3000", null, null).get(0).recordings()).isEqualTo(1);
    }
  }

  @ParameterizedTest
  @EnumSource(TestDatabases.class)
  void theQueryKeepsRecordsOfTheRoomThatOverlapTheWindow(TestDatabases kind) throws Exception {
    try (Database db = kind.open(dir)) {
      BillingWriter w = new BillingWriter(db, Clock.fixed(T0, ZoneOffset.UTC), Duration.ofSeconds(10)).start();
      feed(w, new ConferenceEvent.RoomCreated(at(0), "3000", "default"),
          new ConferenceEvent.RoomCreated(at(0), "4000", "default"),
          joined(0, 1, "early", ALICE), new ConferenceEvent.MemberLeft(at(10), "3000", 1, "early", LeaveReason.HUNG_UP),
          joined(20, 2, "late", BOB), new ConferenceEvent.MemberLeft(at(30), "3000", 2, "late", LeaveReason.HUNG_UP),
          new ConferenceEvent.MemberJoined(at(20), "4000", 1, "other", "x", false, Set.of(), ALICE));
      w.close();

      BillingRecords q = new BillingRecords(db);
      assertThat(q.query("3000", at(15), at(40))).extracting(BillingRecord::callId).containsExactly("late");
      assertThat(q.query("3000", at(5), at(25))).extracting(BillingRecord::callId).containsExactly("early", "late");
      assertThat(q.query(null, at(15), null)).extracting(BillingRecord::callId).containsExactlyInAnyOrder("late", "other");
    }
  }
}
