package dev.parley.server.call;

import dev.parley.media.engine.MemberListener;
import dev.parley.media.engine.MemberMedia;
import dev.parley.media.engine.RemoteMedia;
import dev.parley.server.conference.Conference;
import dev.parley.server.conference.LeaveReason;
import dev.parley.server.conference.Leg;
import dev.parley.server.conference.Member;
import dev.parley.server.conference.Room;
import dev.parley.sip.CallListener;
import dev.parley.sip.EndReason;
import dev.parley.sip.IncomingCall;
import dev.parley.sip.sdp.Direction;
import dev.parley.sip.sdp.NegotiatedAudio;
import java.net.InetSocketAddress;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One answered call in a room: ties the SIP dialog to the member's media and to the room.
 *
 * <p>SIP events arrive in order on the call's virtual thread; media events (RTP timeout) on a media
 * thread, which only hands them on. State changes are guarded by this object's monitor.
 */
public final class CallSession implements Leg, CallListener, MemberListener {
  private static final Logger log = LoggerFactory.getLogger(CallSession.class);

  private final IncomingCall call;
  private final Conference conference;
  private final Room room;
  private final MemberMedia media;
  private final SdpNegotiation sdp;
  private final ActiveCalls active;
  private Member member;
  private boolean ended;
  private boolean awaitingAnswerInAck;

  CallSession(IncomingCall call, Conference conference, Room room, MemberMedia media, SdpNegotiation sdp, ActiveCalls active) {
    this.call = call;
    this.conference = conference;
    this.room = room;
    this.media = media;
    this.sdp = sdp;
    this.active = active;
  }

  @Override
  public String id() {
    return call.callId();
  }

  @Override
  public String caller() {
    return call.fromUri();
  }

  public Room room() {
    return room;
  }

  /** Answers the call: with our answer to its offer, or with our offer when the INVITE had none. */
  void answer(String answerSdp, NegotiatedAudio negotiated) {
    active.add(this);
    if (negotiated != null) {
      media.configure(remoteMedia(negotiated));
      log.info("call {}: answering with {}/{} ptime {}", id(), negotiated.encodingName(), negotiated.clockRateHz(), negotiated.ptimeMillis());
    } else {
      awaitingAnswerInAck = true;
      log.info("call {}: delayed offer, offering our codecs in 200", id());
    }
    call.setListener(this);
    call.ringing();
    call.answer(answerSdp);
  }

  @Override
  public void onAck(String answerSdp) {
    synchronized (this) {
      if (ended) return;
      if (awaitingAnswerInAck) {
        NegotiatedAudio n = answerSdp == null ? null : sdp.applyAnswer(answerSdp);
        if (n == null) {
          log.warn("call {}: ACK carried no usable SDP answer, hanging up", id());
          endLocally(LeaveReason.ERROR);
          return;
        }
        media.configure(remoteMedia(n));
        log.info("call {}: answer in ACK: {}/{}", id(), n.encodingName(), n.clockRateHz());
      }
      member = room.join(this, media);
    }
  }

  @Override
  public String onReinvite(String offerSdp) {
    synchronized (this) {
      if (ended) return null;
      if (offerSdp == null) {
        awaitingAnswerInAck = true;
        return sdp.offer(media.localRtpPort());
      }
      SdpNegotiation.Result r = sdp.answer(offerSdp, media.localRtpPort());
      if (r.answer() == null) {
        log.info("call {}: re-INVITE refused: {}", id(), r.problem());
        return null;
      }
      media.configure(remoteMedia(r.negotiated()));
      log.info("call {}: re-INVITE, now {}", id(), r.negotiated().direction());
      return r.answer();
    }
  }

  @Override
  public void onInfo(String contentType, String body) {
    log.info("call {}: INFO {}", id(), contentType);
  }

  @Override
  public void onEnded(EndReason reason) {
    LeaveReason why =
        switch (reason) {
          case REMOTE_BYE, CANCELLED -> LeaveReason.HUNG_UP;
          case LOCAL_HANGUP -> LeaveReason.HUNG_UP;
          case ACK_TIMEOUT, ERROR -> LeaveReason.ERROR;
        };
    log.info("call {}: ended ({})", id(), reason);
    cleanUp(why);
  }

  @Override
  public void onRtpTimeout() {
    // Media thread: hand over at once.
    Thread.ofVirtual().start(() -> {
      log.info("call {}: no RTP for the timeout, hanging up with BYE", id());
      endLocally(LeaveReason.RTP_TIMEOUT);
    });
  }

  @Override
  public void hangup(LeaveReason reason) {
    endLocally(reason);
  }

  private void endLocally(LeaveReason reason) {
    call.hangup();
    cleanUp(reason);
  }

  private void cleanUp(LeaveReason reason) {
    synchronized (this) {
      if (ended) return;
      ended = true;
    }
    if (member != null) {
      room.leave(member, reason);
    } else {
      media.remove();
      room.release();
    }
    conference.removeIfIdle(room);
    active.remove(this);
  }

  private static RemoteMedia remoteMedia(NegotiatedAudio n) {
    Direction d = n.direction();
    // Our direction: SENDRECV normal; RECVONLY means the phone holds us (a=sendonly from it):
    // stop sending the mix and stop mixing whatever it plays (music on hold must not reach the room).
    boolean send = d == Direction.SENDRECV || d == Direction.SENDONLY;
    boolean receive = d == Direction.SENDRECV;
    InetSocketAddress target =
        n.remotePort() > 0 && !"0.0.0.0".equals(n.remoteAddress())
            ? new InetSocketAddress(n.remoteAddress(), n.remotePort())
            : null;
    return new RemoteMedia(target, n.payloadType(), n.encodingName(), n.ptimeMillis(), n.telephoneEventPayloadType(), send, receive);
  }
}
