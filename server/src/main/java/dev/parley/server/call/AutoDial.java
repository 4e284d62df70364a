package dev.parley.server.call;

import dev.parley.server.conference.CallDetails;
import dev.parley.server.conference.Conference;
import dev.parley.server.conference.ConferenceEvent;
import dev.parley.server.conference.ConferenceListener;
import dev.parley.server.conference.Room;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Seed 000's auto-dial: when a room's first member joins, every dial string of the room's
 * {@code auto-dial} is called in parallel, showing the first member's number as caller ID (a
 * {@code caller-id-number} in the dial string wins). Whoever answers joins with the dial string's flags.
 */
public final class AutoDial implements ConferenceListener {
  private static final Logger log = LoggerFactory.getLogger(AutoDial.class);

  private final Conference conference;
  private final Dialer dialer;

  public AutoDial(Conference conference, Dialer dialer) {
    this.conference = conference;
    this.dialer = dialer;
  }

  @Override
  public void onEvent(long sequence, ConferenceEvent event) {
    if (!(event instanceof ConferenceEvent.MemberJoined j) || j.member() != 1) return;
    Room room = conference.room(j.room());
    if (room == null || room.profile().autoDial().isEmpty()) return;
    String callerId = userPart(j.caller());
    for (String target : room.profile().autoDial()) {
      try {
        dialer.dial(room, target, callerId == null ? room.name() : callerId, Set.of(),
            new Placement(CallDetails.Direction.AUTO_DIALLED, "member " + j.member() + " (" + (callerId == null ? j.caller() : callerId) + ")"),
            new Dialer.Outcome() {
          @Override
          public void answered() {
            log.info("room {}: auto-dial {} answered", room.name(), target);
          }

          @Override
          public void failed(int status, String reason) {
            log.info("room {}: auto-dial {} failed: {} {}", room.name(), target, status, reason);
          }
        });
        log.info("room {}: auto-dialling {}", room.name(), target);
      } catch (RuntimeException e) {
        log.warn("room {}: cannot auto-dial {}: {}", room.name(), target, e.getMessage());
      }
    }
  }

  /** {@code sip:2001@host} -> {@code 2001}. */
  static String userPart(String uri) {
    if (uri == null) return null;
    int colon = uri.indexOf(':'), at = uri.indexOf('@');
    if (colon < 0 || at < colon) return null;
    String user = uri.substring(colon + 1, at);
    return user.matches("\\+?[0-9A-Za-z._-]{1,32}") ? user : null;
  }
}
