package dev.parley.loadgen.sip;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A minimal SIP UAC over UDP on one socket, lighter than a full stack: it places calls at a given
 * rate (INVITE with a PCMU offer; 1xx, 2xx, failures; ACK), ends them with BYE on request, answers a
 * BYE or OPTIONS from the far end with 200, and retransmits INVITE and BYE on RFC 3261 timers
 * (T1 = 500 ms doubling; INVITE stops at the first provisional response, BYE is capped at T2 = 4 s;
 * both give up after 64*T1 = 32 s).
 *
 * <p>Everything runs on one thread ({@link #run}); {@link Listener} callbacks are made on it and must
 * only hand work on. Other threads use {@link #hangUpAll()} and the await methods.
 */
public final class Uac implements Runnable {

  /** Told when a call is answered (its SDP parsed) or ends; on the UAC thread. */
  public interface Listener {
    void answered(UacCall call);

    void ended(UacCall call);
  }

  private static final long T1 = TimeUnit.MILLISECONDS.toNanos(500);
  private static final long T2 = TimeUnit.SECONDS.toNanos(4);
  private static final long TIMER_B = 64 * T1;

  private final DatagramChannel channel;
  private final Selector selector;
  private final InetSocketAddress target;
  private final List<UacCall> calls;
  private final Map<String, UacCall> byCallId = new HashMap<>();
  private final ArrayDeque<UacCall> toHangUp = new ArrayDeque<>();
  private final List<UacCall> retransmitting = new ArrayList<>();
  private final Listener listener;
  private final long callIntervalNanos;
  private final int maxInFlight;
  private final ByteBuffer in = ByteBuffer.allocate(65536);
  private final CountDownLatch allSetUp;
  private final CountDownLatch allEnded;
  private volatile boolean hangUpRequested;
  private volatile boolean running = true;
  private int placed;
  private int inFlight;
  private final boolean telephoneEvent;

  /**
   * @param numbers the number each call dials, in order; its RTP port is {@code rtpPorts[i]}
   * @param localHost the address to bind and to put in Via/Contact/SDP
   * @param callsPerSecond how fast to place calls
   * @param maxInFlight at most this many INVITEs without a final response
   * @param telephoneEvent whether the offers include telephone-event (RFC 4733)
   */
  public Uac(InetSocketAddress target, String localHost, int localPort, List<String> numbers, int[] rtpPorts,
      double callsPerSecond, int maxInFlight, boolean telephoneEvent, Listener listener) throws IOException {
    this.target = target;
    this.telephoneEvent = telephoneEvent;
    this.listener = listener;
    this.callIntervalNanos = (long) (1e9 / callsPerSecond);
    this.maxInFlight = maxInFlight;
    channel = DatagramChannel.open();
    channel.setOption(StandardSocketOptions.SO_RCVBUF, 4 << 20);
    channel.bind(new InetSocketAddress(localHost, localPort));
    channel.configureBlocking(false);
    selector = Selector.open();
    channel.register(selector, SelectionKey.OP_READ);
    int port = ((InetSocketAddress) channel.getLocalAddress()).getPort();
    String hostPort = localHost + ":" + port;
    long run = ProcessHandle.current().pid() * 1_000_003L + System.currentTimeMillis();
    calls = new ArrayList<>(numbers.size());
    for (int i = 0; i < numbers.size(); i++) {
      String user = "lg" + i;
      String uri = "sip:" + numbers.get(i) + "@" + target.getHostString() + ":" + target.getPort();
      UacCall c = new UacCall(i, user, uri, "lg-" + Long.toHexString(run) + "-" + i + "@" + localHost,
          "t" + Long.toHexString(run & 0xffff) + i, hostPort, rtpPorts[i]);
      calls.add(c);
      byCallId.put(c.callId, c);
    }
    allSetUp = new CountDownLatch(numbers.size());
    allEnded = new CountDownLatch(numbers.size());
  }

  public List<UacCall> calls() {
    return calls;
  }

  /** The local SIP port (useful when 0 was asked for). */
  public int localPort() throws IOException {
    return ((InetSocketAddress) channel.getLocalAddress()).getPort();
  }

  /** Waits until every call is answered or has failed. */
  public boolean awaitSetUp(long timeout, TimeUnit unit) throws InterruptedException {
    return allSetUp.await(timeout, unit);
  }

  /** Sends BYE on every answered call (paced like the INVITEs) and stops placing new ones. */
  public void hangUpAll() {
    hangUpRequested = true;
    selector.wakeup();
  }

  /** Waits until every call has ended (BYE answered or timed out, or failed). */
  public boolean awaitEnded(long timeout, TimeUnit unit) throws InterruptedException {
    return allEnded.await(timeout, unit);
  }

  public void stop() {
    running = false;
    selector.wakeup();
  }

  @Override
  public void run() {
    long nextCallAt = System.nanoTime();
    boolean hangUpQueued = false;
    try (selector; channel) {
      while (running) {
        long now = System.nanoTime();
        if (hangUpRequested && !hangUpQueued) {
          hangUpQueued = true;
          placed = calls.size(); // place no more
          for (UacCall c : calls) {
            if (c.state == UacCall.State.IDLE) end(c, UacCall.State.FAILED, "not placed before the hang-up");
            else if (c.state == UacCall.State.CONFIRMED) toHangUp.add(c);
          }
          nextCallAt = now;
        }
        while (now >= nextCallAt && (placed < calls.size() && inFlight < maxInFlight || !toHangUp.isEmpty())) {
          if (!toHangUp.isEmpty()) sendBye(toHangUp.poll(), now);
          else invite(calls.get(placed++), now);
          nextCallAt += callIntervalNanos;
        }
        if (nextCallAt < now - T1) nextCallAt = now; // do not burst to catch up after a stall
        retransmit(now);
        // Idle (calls up, window running): wake for datagrams, and every 50 ms for the retransmit timers.
        boolean more = placed < calls.size() && inFlight < maxInFlight || !toHangUp.isEmpty();
        long waitMillis = more ? Math.max(1, Math.min(50, (nextCallAt - now + 999_999) / 1_000_000)) : 50;
        selector.select(waitMillis);
        selector.selectedKeys().clear();
        drain();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void invite(UacCall c, long now) throws IOException {
    c.state = UacCall.State.INVITING;
    c.startedNanos = now;
    c.timeoutAtNanos = now + TIMER_B;
    String host = c.localHostPort.substring(0, c.localHostPort.lastIndexOf(':'));
    c.pending = SipText.invite(c, Sdp.pcmu(host, c.localRtpPort, c.index + 1L, telephoneEvent)).getBytes(StandardCharsets.UTF_8);
    c.retransmitNanos = T1;
    inFlight++;
    transmit(c, now);
    retransmitting.add(c);
  }

  private void sendBye(UacCall c, long now) throws IOException {
    if (c.state != UacCall.State.CONFIRMED) return;
    c.state = UacCall.State.BYE_SENT;
    c.timeoutAtNanos = now + TIMER_B;
    c.pending = SipText.bye(c).getBytes(StandardCharsets.UTF_8);
    c.retransmitNanos = T1;
    transmit(c, now);
    retransmitting.add(c);
  }

  private void transmit(UacCall c, long now) throws IOException {
    send(c.pending);
    c.lastSentNanos = now;
  }

  private void send(byte[] bytes) throws IOException {
    channel.send(ByteBuffer.wrap(bytes), target);
  }

  private void retransmit(long now) throws IOException {
    for (int i = retransmitting.size() - 1; i >= 0; i--) {
      UacCall c = retransmitting.get(i);
      boolean waiting = c.state == UacCall.State.INVITING || c.state == UacCall.State.BYE_SENT
          || c.state == UacCall.State.PROCEEDING;
      if (!waiting) {
        retransmitting.remove(i);
        continue;
      }
      if (now >= c.timeoutAtNanos) {
        retransmitting.remove(i);
        if (c.state == UacCall.State.BYE_SENT) end(c, UacCall.State.ENDED, null);
        else end(c, UacCall.State.FAILED, "no final response in 32 s");
        continue;
      }
      // RFC 3261 §17.1.1.2: once a provisional response arrived the INVITE is not retransmitted.
      if (c.state != UacCall.State.PROCEEDING && now - c.lastSentNanos >= c.retransmitNanos) {
        transmit(c, now);
        c.retransmitNanos = c.state == UacCall.State.BYE_SENT ? Math.min(2 * c.retransmitNanos, T2) : 2 * c.retransmitNanos;
      }
    }
  }

  private void drain() throws IOException {
    while (true) {
      in.clear();
      SocketAddress from = channel.receive(in);
      if (from == null) return;
      SipMessage m;
      try {
        m = SipMessage.parse(in.array(), 0, in.position());
      } catch (IllegalArgumentException e) {
        continue; // not SIP we can read: dropped, as a UA does with garbage on its port
      }
      try {
        if (m.isResponse()) onResponse(m);
        else onRequest(m, from);
      } catch (IllegalArgumentException e) {
        // a response or request without the headers we need: dropped
      }
    }
  }

  private void onResponse(SipMessage m) throws IOException {
    UacCall c = byCallId.get(m.callId());
    if (c == null) return;
    int status = m.status();
    String method = m.cseqMethod();
    if (method.equals("INVITE")) onInviteResponse(c, m, status);
    else if (method.equals("BYE") && status >= 200 && c.state == UacCall.State.BYE_SENT) {
      c.byeAnswered = true;
      end(c, UacCall.State.ENDED, null);
    }
  }

  private void onInviteResponse(UacCall c, SipMessage m, int status) throws IOException {
    if (status < 200) {
      if (c.state == UacCall.State.INVITING) c.state = UacCall.State.PROCEEDING;
      return;
    }
    if (status >= 300) {
      if (c.state == UacCall.State.INVITING || c.state == UacCall.State.PROCEEDING) {
        c.remoteTag = m.toTag();
        c.finalStatus = status;
        send(SipText.ack(c, false).getBytes(StandardCharsets.UTF_8));
        end(c, UacCall.State.FAILED, "INVITE answered " + m.startLine().substring(8));
      } else if (c.state == UacCall.State.FAILED && c.finalStatus == status) {
        send(SipText.ack(c, false).getBytes(StandardCharsets.UTF_8)); // retransmitted failure
      }
      return;
    }
    if (c.state == UacCall.State.INVITING || c.state == UacCall.State.PROCEEDING) {
      c.finalStatus = status;
      c.remoteTag = m.toTag();
      String contact = m.contactUri();
      c.remoteTarget = contact != null ? contact : c.requestUri;
      List<String> rr = new ArrayList<>(m.headerValues("record-route"));
      java.util.Collections.reverse(rr); // RFC 3261 §12.1.2: the UAC's route set is Record-Route reversed
      c.routeSet = List.copyOf(rr);
      try {
        c.mediaTarget = Sdp.audioTarget(m.body());
      } catch (IllegalArgumentException e) {
        // A dialog exists all the same: confirm it and end it at once.
        send(SipText.ack(c, true).getBytes(StandardCharsets.UTF_8));
        send(SipText.bye(c).getBytes(StandardCharsets.UTF_8));
        end(c, UacCall.State.FAILED, "unusable SDP answer: " + e.getMessage());
        return;
      }
      c.setupNanos = System.nanoTime() - c.startedNanos;
      c.state = UacCall.State.CONFIRMED;
      inFlight--;
      allSetUp.countDown();
      send(SipText.ack(c, true).getBytes(StandardCharsets.UTF_8));
      listener.answered(c);
      if (hangUpRequested) toHangUp.add(c);
    } else if (c.remoteTarget != null && c.remoteTag != null && c.remoteTag.equals(m.toTag())) {
      send(SipText.ack(c, true).getBytes(StandardCharsets.UTF_8)); // RFC 3261 §13.2.2.4: ACK every 2xx retransmission
    }
  }

  private void onRequest(SipMessage m, SocketAddress from) throws IOException {
    String method = m.method();
    if (method.equals("ACK")) return;
    UacCall c = byCallId.get(m.callId());
    String response;
    if (method.equals("OPTIONS")) {
      response = SipText.response(m, 200, "OK", null, "", "");
    } else if (method.equals("BYE") && c != null) {
      response = SipText.response(m, 200, "OK", null, "", "");
      if (c.state == UacCall.State.CONFIRMED || c.state == UacCall.State.BYE_SENT) {
        c.endedByRemote = true;
        end(c, UacCall.State.ENDED, null);
      }
    } else if (c == null) {
      response = SipText.response(m, 481, "Call/Transaction Does Not Exist", null, "", "");
    } else {
      response = SipText.response(m, 501, "Not Implemented", null, "", "");
    }
    channel.send(ByteBuffer.wrap(response.getBytes(StandardCharsets.UTF_8)), from);
  }

  private void end(UacCall c, UacCall.State state, String failure) {
    UacCall.State before = c.state;
    c.state = state;
    if (failure != null) c.failure = failure;
    boolean settingUp = before == UacCall.State.INVITING || before == UacCall.State.PROCEEDING;
    if (settingUp) inFlight--;
    if (settingUp || before == UacCall.State.IDLE) allSetUp.countDown();
    if (c.answered()) listener.ended(c);
    allEnded.countDown();
  }
}
