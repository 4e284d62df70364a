package dev.parley.sip.jainsip;

import dev.parley.sip.NextHop;
import dev.parley.sip.OutboundRegistration;
import dev.parley.sip.OutboundRegistrationHandle;
import dev.parley.sip.OutboundRegistrationListener;
import dev.parley.sip.OutboundRegistrationListener.State;
import gov.nist.javax.sip.message.SIPMessage;
import java.time.Duration;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import javax.sip.ClientTransaction;
import javax.sip.ResponseEvent;
import javax.sip.SipProvider;
import javax.sip.address.SipURI;
import javax.sip.address.URI;
import javax.sip.header.CSeqHeader;
import javax.sip.header.ContactHeader;
import javax.sip.header.ExpiresHeader;
import javax.sip.header.ViaHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps one registration of ours alive at another registrar (RFC 3261 §10.2): REGISTER, answer
 * 401/407, refresh at 80% of the granted expiry, back off after failures (doubling from {@code
 * retryMin} to {@code retryMax}), and REGISTER with Expires 0 on close (§10.2.2). All REGISTERs share
 * one Call-ID with rising CSeq (§10.2.4), so the registrar can order them.
 *
 * <p>Runs on the stack's thread (responses) and the server's timer thread (refresh, retry); state
 * under this monitor, messages sent outside it.
 */
final class OutboundRegistrationClient implements OutboundRegistrationHandle, ResponseSink {
  private static final Logger log = LoggerFactory.getLogger(OutboundRegistrationClient.class);

  private final OutboundRegistration config;
  private final SipProvider provider;
  private final UacMessages uac;
  private final ScheduledExecutorService timers;
  private final ChallengeResponder challenges;
  private final CallEvents<OutboundRegistrationListener> events;
  private final Request template;

  private State state = State.REGISTERING;
  private boolean closing;
  private boolean registered;
  private int failures;
  private long cseq = 1;
  private Request last;
  private ScheduledFuture<?> next;

  OutboundRegistrationClient(OutboundRegistration config, SipProvider provider, UacMessages uac,
      ScheduledExecutorService timers, OutboundRegistrationListener listener) throws Exception {
    this.config = config;
    this.provider = provider;
    this.uac = uac;
    this.timers = timers;
    this.challenges = new ChallengeResponder(config.credentials());
    this.events = new CallEvents<>("registration " + config.aor());
    events.setListener(listener);
    URI registrar = uac.messages().addressFactory().createURI(config.registrarUri());
    URI aor = uac.messages().addressFactory().createURI(config.aor());
    String user = aor instanceof SipURI s ? s.getUser() : null;
    this.template = uac.create(Request.REGISTER, registrar, config.aor(), null, config.aor(), config.transport(), user, Map.of());
    if (registrar instanceof SipURI s) {
      UacMessages.routeVia(template, new NextHop(s.getHost(), s.getPort() > 0 ? s.getPort() : 5060, config.transport()));
    }
  }

  void start() {
    report(State.REGISTERING, 0, null, null);
    send(config.expires().toSeconds(), null);
  }

  /** A REGISTER asking for {@code expires} seconds, with credentials when {@code auth} is given. */
  private void send(long expires, ChallengeResponder.Answer auth) {
    try {
      Request r = (Request) template.clone();
      ((SIPMessage) r).setApplicationData(((SIPMessage) template).getApplicationData());
      synchronized (this) {
        ((CSeqHeader) r.getHeader(CSeqHeader.NAME)).setSeqNumber(cseq++);
        last = r;
      }
      ((ViaHeader) r.getHeader(ViaHeader.NAME)).removeParameter("branch");
      r.setHeader(uac.messages().headerFactory().createExpiresHeader((int) expires));
      if (auth != null) DigestHeaders.add(uac.messages(), r, auth.headerName(), auth.value());
      ClientTransaction ct = provider.getNewClientTransaction(r);
      ct.setApplicationData(this);
      ct.sendRequest();
      log.debug("registration {}: REGISTER expires {} sent", config.aor(), expires);
    } catch (Exception e) {
      log.warn("registration {}: cannot send REGISTER: {}", config.aor(), e.toString());
      failed(503, "Service Unavailable");
    }
  }

  @Override
  public void onResponse(ResponseEvent event) {
    Response r = event.getResponse();
    int status = r.getStatusCode();
    if (status < 200) return;
    Request sent;
    boolean unregistering;
    synchronized (this) {
      sent = last;
      unregistering = closing;
    }
    long asked = ((ExpiresHeader) sent.getHeader(ExpiresHeader.NAME)).getExpires();
    if (status == 401 || status == 407) {
      Optional<ChallengeResponder.Answer> a = challenges.answer(sent, r);
      if (a.isPresent()) {
        send(asked, a.get());
        return;
      }
    }
    if (status == 423 && !unregistering && r.getHeader("Min-Expires") instanceof javax.sip.header.MinExpiresHeader min) {
      send(min.getExpires(), null); // §10.2.8: try again with at least Min-Expires
      return;
    }
    challenges.reset();
    if (unregistering) {
      log.info("registration {}: un-registered ({})", config.aor(), status);
      report(State.CLOSED, status, r.getReasonPhrase(), null);
      return;
    }
    if (status >= 300) {
      failed(status, r.getReasonPhrase());
      return;
    }
    long granted = grantedSeconds(r, asked);
    synchronized (this) {
      failures = 0;
      registered = true;
      // Refresh at 80% (RFC 3261 §10.2.4 leaves the margin to us); at least a second ahead.
      long refreshMillis = Math.max(500, granted * 800);
      next = timers.schedule(() -> send(config.expires().toSeconds(), null), refreshMillis, TimeUnit.MILLISECONDS);
    }
    log.info("registration {}: registered for {} s", config.aor(), granted);
    report(State.REGISTERED, status, r.getReasonPhrase(), Duration.ofSeconds(granted));
  }

  /** §10.2.4: the expires of our Contact in the 200, else the Expires header, else what we asked. */
  private long grantedSeconds(Response ok, long asked) {
    String ours = ((ContactHeader) template.getHeader(ContactHeader.NAME)).getAddress().getURI().toString();
    for (Iterator<?> it = ok.getHeaders(ContactHeader.NAME); it.hasNext(); ) {
      ContactHeader c = (ContactHeader) it.next();
      if (c.getAddress() != null && ours.equals(c.getAddress().getURI().toString()) && c.getExpires() >= 0) {
        return c.getExpires();
      }
    }
    ExpiresHeader e = (ExpiresHeader) ok.getHeader(ExpiresHeader.NAME);
    return e != null ? e.getExpires() : asked;
  }

  @Override
  public void onTimeout() {
    boolean unregistering;
    synchronized (this) {
      unregistering = closing;
    }
    if (unregistering) report(State.CLOSED, 408, "Request Timeout", null);
    else failed(408, "Request Timeout");
  }

  private void failed(int status, String reason) {
    long waitMillis;
    synchronized (this) {
      if (closing) return;
      registered = false;
      long base = config.retryMin().toMillis() << Math.min(failures, 20);
      waitMillis = Math.min(base, config.retryMax().toMillis());
      failures++;
      next = timers.schedule(() -> send(config.expires().toSeconds(), null), waitMillis, TimeUnit.MILLISECONDS);
    }
    log.info("registration {}: failed {} {}, retrying in {} ms", config.aor(), status, reason, waitMillis);
    report(State.FAILED, status, reason, null);
  }

  @Override
  public synchronized State state() {
    return state;
  }

  @Override
  public void close() {
    boolean unregister;
    synchronized (this) {
      if (closing) return;
      closing = true;
      if (next != null) next.cancel(false);
      unregister = registered;
    }
    if (unregister) send(0, null);
    else report(State.CLOSED, 0, null, null);
  }

  private void report(State s, int status, String reason, Duration granted) {
    synchronized (this) {
      if (state == State.CLOSED) return;
      state = s;
    }
    events.post(l -> l.onState(s, status, reason, granted));
  }
}
