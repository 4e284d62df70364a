package dev.parley.server.call;

import dev.parley.server.conference.Admission;
import dev.parley.server.conference.Conference;
import dev.parley.server.conference.LeaveReason;
import dev.parley.server.conference.Room;
import dev.parley.server.config.ExtensionConfig;
import dev.parley.server.config.GatewayConfig;
import dev.parley.server.config.MemberFlag;
import dev.parley.sip.Binding;
import dev.parley.sip.Credentials;
import dev.parley.sip.NextHop;
import dev.parley.sip.OutgoingCallRequest;
import dev.parley.sip.SipServer;
import dev.parley.sip.sdp.SrtpPolicy;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Places calls into rooms from dial strings: {@code user/1004} rings every registered contact of the
 * extension at once (the first to answer joins, the others are cancelled), {@code gateway/NAME/NUMBER}
 * goes out through the trunk with its credentials and caller-ID policy, {@code sip:} URIs directly.
 * Every leg offers SRTP as the room's profile (or the dial string's {@code srtp}) says, with keys of its own.
 */
public final class Dialer {
  private static final Logger log = LoggerFactory.getLogger(Dialer.class);

  private final Conference conference;
  private final Map<String, ExtensionConfig> extensions;
  private final Map<String, GatewayConfig> gateways;
  private final String mediaAddress;
  private volatile SipServer sip;
  /** What the keys of answered legs do (they get the room's keypad like callers who dialled in). */
  private final KeypadActions actions = new KeypadActions(new FeedbackTones(8000));

  public Dialer(Conference conference, Map<String, ExtensionConfig> extensions, Map<String, GatewayConfig> gateways,
      String mediaAddress) {
    this.conference = conference;
    this.extensions = extensions;
    this.gateways = gateways;
    this.mediaAddress = mediaAddress;
  }

  /** The SIP stack starts after the handlers that need the dialer; it is attached then. */
  public void attach(SipServer sip) {
    this.sip = sip;
  }

  /** A call being placed, which may ring several contacts; cancel it or hang it up with {@link #end}. */
  public static final class Invite {
    private final String dialString;
    private final List<OutgoingLeg> legs = new ArrayList<>();
    private final AtomicBoolean settled = new AtomicBoolean();

    Invite(String dialString) {
      this.dialString = dialString;
    }

    public String dialString() {
      return dialString;
    }

    /** CANCEL while ringing, BYE once answered (seed 001's *2 and ##). */
    public void end() {
      List<OutgoingLeg> all;
      synchronized (legs) {
        all = List.copyOf(legs);
      }
      for (OutgoingLeg l : all) l.hangup(LeaveReason.HUNG_UP);
    }

    public boolean answered() {
      synchronized (legs) {
        return legs.stream().anyMatch(OutgoingLeg::answered);
      }
    }

    /** Sends digits (RFC 4733) to the party that answered; nothing before that. */
    public void sendDtmf(String digits) {
      synchronized (legs) {
        for (OutgoingLeg l : legs) if (l.answered()) l.sendDtmf(digits);
      }
    }
  }

  /** What the one who invited hears about it. */
  public interface Outcome {
    /** The first contact alerts (repeated for each contact of an extension and each 18x). */
    default void ringing() {}

    /** Early media of a contact is heard in the room. */
    default void earlyMedia() {}

    void answered();

    void failed(int status, String reason);

    /** The answered party hung up (or was hung up). */
    default void ended() {}
  }

  /**
   * Dials {@code text} into {@code room}.
   *
   * @param callerIdNumber the number shown to the called party unless the dial string or trunk says
   *     otherwise (the room's name, or the triggering caller's number)
   * @param placement why the call is placed, for the member's billing record
   * @throws IllegalArgumentException for a dial string that is malformed or names an unknown
   *     gateway or extension
   */
  public Invite dial(Room room, String text, String callerIdNumber, Set<MemberFlag> extraFlags, Placement placement,
      Outcome outcome) {
    return dial(room, text, callerIdNumber, null, extraFlags, placement, outcome);
  }

  /** As above, with a display name for the called party unless the dial string sets one. */
  public Invite dial(Room room, String text, String callerIdNumber, String callerIdName, Set<MemberFlag> extraFlags,
      Placement placement,
      Outcome outcome) {
    DialString d = DialString.parse(text);
    SrtpPolicy srtp = SrtpMedia.policy(SrtpMedia.forPlacedCall(room.name(), room.profile().srtp(), d.srtp()));
    SipServer s = sip;
    if (s == null) throw new IllegalStateException("SIP is not started yet");
    List<OutgoingCallRequest> requests = requests(d, callerIdNumber, callerIdName);
    Set<MemberFlag> flags = EnumSet.noneOf(MemberFlag.class);
    flags.addAll(d.flags());
    flags.addAll(extraFlags);
    Invite invite = new Invite(text);
    if (requests.isEmpty()) {
      log.info("dial {}: nobody to ring (no registered contact)", text);
      outcome.failed(480, "not registered");
      return invite;
    }
    int[] failures = {0};
    for (OutgoingCallRequest r : requests) {
      if (!(conference.admit(room.name(), room.profile()) instanceof Admission.Admitted)) {
        log.info("dial {}: room {} does not take another member", text, room.name());
        if (invite.legs.isEmpty()) outcome.failed(486, "room full or locked");
        break;
      }
      OutgoingLeg leg = new OutgoingLeg(text, conference, room, flags, mediaAddress, srtp, placement, called(d), new OutgoingLeg.Progress() {
        @Override
        public void ringing(OutgoingLeg leg) {
          if (!invite.settled.get()) outcome.ringing();
        }

        @Override
        public void earlyMedia(OutgoingLeg leg) {
          if (!invite.settled.get()) outcome.earlyMedia();
        }

        @Override
        public void answered(OutgoingLeg winner) {
          if (!invite.settled.compareAndSet(false, true)) return;
          // Forked to several contacts: the first answer wins, the others stop ringing.
          List<OutgoingLeg> others;
          synchronized (invite.legs) {
            others = invite.legs.stream().filter(l -> l != winner).toList();
          }
          for (OutgoingLeg o : others) o.hangup(LeaveReason.HUNG_UP);
          outcome.answered();
        }

        @Override
        public void ended(OutgoingLeg leg) {
          outcome.ended();
        }

        @Override
        public void failed(OutgoingLeg leg, int status, String reason) {
          synchronized (invite.legs) {
            failures[0]++;
            if (failures[0] < invite.legs.size()) return;
          }
          if (invite.settled.compareAndSet(false, true)) outcome.failed(status, reason);
        }
      }, this, actions);
      synchronized (invite.legs) {
        invite.legs.add(leg);
      }
      leg.start(s, r.withRingTimeout(d.timeout()));
    }
    return invite;
  }

  /** The number (and the extension's name) a dial string calls, as billing records show it. */
  private OutgoingLeg.Called called(DialString d) {
    return switch (d.target()) {
      case DialString.Target.Extension e -> {
        ExtensionConfig x = extensions.get(e.number());
        yield new OutgoingLeg.Called(e.number(), x == null || x.name() == null ? "" : x.name(), true, false);
      }
      case DialString.Target.Gateway g -> new OutgoingLeg.Called(g.number(), "", false, true);
      case DialString.Target.Uri u -> {
        String user = AutoDial.userPart(u.uri());
        yield new OutgoingLeg.Called(user == null ? u.uri() : user, "", false, false);
      }
    };
  }

  /** The requests one dial string turns into: one per registered contact for an extension. */
  private List<OutgoingCallRequest> requests(DialString d, String defaultNumber, String defaultName) {
    String placeholder = "v=0\r\n"; // replaced by the leg's real offer
    String number = d.callerIdNumber() != null ? d.callerIdNumber() : defaultNumber;
    String name = d.callerIdName() != null ? d.callerIdName() : defaultName;
    List<OutgoingCallRequest> out = new ArrayList<>();
    switch (d.target()) {
      case DialString.Target.Extension e -> {
        if (!extensions.containsKey(e.number())) throw new IllegalArgumentException("no extension " + e.number());
        for (Binding b : sip.registrar().contacts(e.number())) {
          out.add(OutgoingCallRequest.toBinding(b, placeholder).withFrom(number, name).withHeaders(d.headers()));
        }
      }
      case DialString.Target.Gateway g -> {
        GatewayConfig gw = gateways.get(g.name());
        if (gw == null) throw new IllegalArgumentException("no gateway named '" + g.name() + "'");
        String uri = "sip:" + g.number() + "@" + gw.host() + ":" + gw.port() + (gw.transport().equals("tcp") ? ";transport=tcp" : "");
        OutgoingCallRequest r = OutgoingCallRequest.to(uri, placeholder)
            .withNextHop(new NextHop(gw.host(), gw.port(), gw.transport()))
            .withFrom(gw.callerId() != null && d.callerIdNumber() == null ? gw.callerId() : number, name)
            .withHeaders(d.headers());
        if (gw.username() != null && gw.password() != null) r = r.withCredentials(new Credentials(gw.username(), gw.password()));
        out.add(r);
      }
      case DialString.Target.Uri u -> out.add(OutgoingCallRequest.to(u.uri(), placeholder).withFrom(number, name)
          .withHeaders(d.headers()));
    }
    return out;
  }

  /**
   * The dial string a keyed number stands for (seeds 001 and 004): 4 digits an extension, 5 or more
   * the first gateway whose prefixes match (or the first gateway). Null when it leads nowhere.
   */
  public String forKeyedNumber(String digits) {
    if (digits.length() == 4) return "user/" + digits;
    if (digits.length() < 5 || gateways.isEmpty()) return null;
    for (GatewayConfig g : gateways.values()) {
      for (String p : g.prefixes()) if (digits.startsWith(p)) return "gateway/" + g.name() + "/" + digits;
    }
    return "gateway/" + gateways.values().iterator().next().name() + "/" + digits;
  }

  /** Whether calls from this address come from a configured trunk. */
  public boolean fromTrunk(String sourceHost, int sourcePort) {
    for (GatewayConfig g : gateways.values()) if (g.isFrom(sourceHost, sourcePort)) return true;
    return false;
  }
}
