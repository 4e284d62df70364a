package dev.parley.loadgen.sip;

import java.net.InetSocketAddress;
import java.util.List;

/**
 * The signalling state of one generated call. Owned by the {@link Uac} thread; the outcome fields
 * ({@link #state}, {@link #finalStatus}, {@link #setupNanos}, ...) are read by the report after that
 * thread ends.
 */
public final class UacCall {

  /** Where a call is. */
  public enum State { IDLE, INVITING, PROCEEDING, CONFIRMED, BYE_SENT, ENDED, FAILED }

  public final int index;
  final String user;
  final String requestUri;
  final String callId;
  final String fromTag;
  final String inviteBranch;
  final String localHostPort;
  final int localRtpPort;

  State state = State.IDLE;
  String remoteTag;
  String remoteTarget;
  List<String> routeSet = List.of();
  byte[] pending;          // the request being retransmitted (INVITE or BYE)
  long lastSentNanos;
  long retransmitNanos;
  long startedNanos;
  long timeoutAtNanos;
  boolean byeAnswered;
  boolean endedByRemote;

  /** Status of the INVITE's final response (0 if none came). */
  public int finalStatus;
  /** Time from the first INVITE to the 2xx, or -1. */
  public long setupNanos = -1;
  /** Why the call failed, or null. */
  public String failure;
  /** The audio destination from the answer's SDP. */
  public InetSocketAddress mediaTarget;

  UacCall(int index, String user, String requestUri, String callId, String fromTag, String localHostPort, int localRtpPort) {
    this.index = index;
    this.user = user;
    this.requestUri = requestUri;
    this.callId = callId;
    this.fromTag = fromTag;
    this.inviteBranch = SipText.COOKIE + "-lg" + index + "-" + Long.toHexString(System.nanoTime() & 0xffffff);
    this.localHostPort = localHostPort;
    this.localRtpPort = localRtpPort;
  }

  public State state() {
    return state;
  }

  public boolean answered() {
    return setupNanos >= 0;
  }

  public boolean byeAnswered() {
    return byeAnswered;
  }

  public boolean endedByRemote() {
    return endedByRemote;
  }
}
