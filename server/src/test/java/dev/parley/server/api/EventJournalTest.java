package dev.parley.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.parley.server.conference.ConferenceEvent;
import dev.parley.server.conference.LeaveReason;
import dev.parley.server.conference.MemberState;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class EventJournalTest {
  private static final Instant T = Instant.parse("2025-01-02T03:04:05Z");
  private final ObjectMapper mapper = new ObjectMapper();

  private static final class Collector implements EventJournal.Follower {
    final String room;
    final List<EventJournal.Entry> live = new ArrayList<>();

    Collector(String room) {
      this.room = room;
    }

    @Override
    public String room() {
      return room;
    }

    @Override
    public void deliver(EventJournal.Entry e) {
      live.add(e);
    }
  }

  private EventJournal journalWith(int capacity, int events) {
    EventJournal j = new EventJournal(capacity, new EventJson(mapper));
    for (int i = 1; i <= events; i++) j.onEvent(i, new ConferenceEvent.LockChanged(T, i % 2 == 0 ? "even" : "odd", true));
    return j;
  }

  @Test
  void aClientThatResumesGetsWhatItMissedThenLiveEvents() {
    EventJournal j = journalWith(100, 5);
    Collector c = new Collector(null);

    EventJournal.Replay r = j.follow(c, 3L);
    j.onEvent(6, new ConferenceEvent.RoomEnded(T, "odd"));

    assertThat(r.missed()).extracting(EventJournal.Entry::seq).containsExactly(4L, 5L);
    assertThat(r.truncated()).isFalse();
    assertThat(c.live).extracting(EventJournal.Entry::seq).containsExactly(6L);
  }

  @Test
  void aResumeOlderThanTheBacklogSaysItIsTruncated() {
    EventJournal j = journalWith(3, 10);

    EventJournal.Replay r = j.follow(new Collector(null), 2L);

    assertThat(r.truncated()).isTrue();
    assertThat(r.firstAvailable()).isEqualTo(8);
    assertThat(r.missed()).extracting(EventJournal.Entry::seq).containsExactly(8L, 9L, 10L);
  }

  @Test
  void aClientWithoutSinceGetsOnlyLiveEvents() {
    EventJournal j = journalWith(100, 5);

    EventJournal.Replay r = j.follow(new Collector(null), null);

    assertThat(r.missed()).isEmpty();
    assertThat(r.lastSequence()).isEqualTo(5);
  }

  @Test
  void theRoomFilterAppliesToReplayAndLiveEvents() {
    EventJournal j = journalWith(100, 4);
    Collector odd = new Collector("odd");

    EventJournal.Replay r = j.follow(odd, 0L);
    j.onEvent(5, new ConferenceEvent.RoomEnded(T, "even"));
    j.onEvent(6, new ConferenceEvent.RoomEnded(T, "odd"));

    assertThat(r.missed()).extracting(EventJournal.Entry::seq).containsExactly(1L, 3L);
    assertThat(odd.live).extracting(EventJournal.Entry::seq).containsExactly(6L);
  }

  @Test
  void anUnfollowedClientGetsNothingMore() {
    EventJournal j = journalWith(100, 1);
    Collector c = new Collector(null);
    j.follow(c, null);

    j.unfollow(c);
    j.onEvent(2, new ConferenceEvent.RoomEnded(T, "x"));

    assertThat(c.live).isEmpty();
  }

  @Test
  void eventsBecomeFlatJsonWithLowerCaseReasonsAndSortedFlags() throws Exception {
    EventJson json = new EventJson(mapper);

    JsonNode left = json.toJson(7, new ConferenceEvent.MemberLeft(T, "3000", 2, "abc", LeaveReason.RTP_TIMEOUT));
    JsonNode joined = json.toJson(8,
        new ConferenceEvent.MemberJoined(T, "3000", 3, "def", "sip:a@b", false, Set.of("muted", "deaf")));
    JsonNode updated = json.toJson(9, new ConferenceEvent.MemberUpdated(T, "3000", 3,
        new MemberState(false, true, false, 1, -2, -1, false, true)));

    assertThat(left.toString()).isEqualTo("{\"seq\":7,\"time\":\"2025-01-02T03:04:05Z\",\"type\":\"member.left\","
        + "\"room\":\"3000\",\"member\":2,\"callId\":\"abc\",\"reason\":\"rtp-timeout\"}");
    assertThat(joined.path("flags").toString()).isEqualTo("[\"deaf\",\"muted\"]");
    assertThat(updated.at("/state/muted").asBoolean()).isTrue();
    assertThat(updated.at("/state/listenStep").asInt()).isEqualTo(-2);
  }
}
