package dev.parley.sip.jainsip;

import dev.parley.sip.Binding;
import dev.parley.sip.RegistrarPolicy;
import dev.parley.sip.RegistrationListener;
import dev.parley.sip.guard.GuessLockout;
import dev.parley.sip.registrar.BindingTable;
import dev.parley.sip.registrar.RegisterOutcome;
import dev.parley.sip.registrar.RegisterRequest;
import gov.nist.javax.sip.message.SIPMessage;
import gov.nist.javax.sip.stack.SIPTransaction;
import java.text.ParseException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.sip.InvalidArgumentException;
import javax.sip.ServerTransaction;
import javax.sip.header.CSeqHeader;
import javax.sip.header.CallIdHeader;
import javax.sip.header.ContactHeader;
import javax.sip.header.ExpiresHeader;
import javax.sip.header.ToHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * REGISTER (RFC 3261 §10.3) against a {@link BindingTable}: authenticate (step 3), authorise the
 * digest user for the To user (step 4), apply the Contacts (steps 6-7), answer with the bindings
 * (step 8). Each REGISTER runs on its own virtual thread, since the password lookup may block; the
 * table's order rules (Call-ID, CSeq) make concurrent ones safe. Lapsed bindings are swept once a
 * second and reported.
 */
final class RegistrarService {
  private static final Logger log = LoggerFactory.getLogger(RegistrarService.class);

  private final BindingTable table;
  private final Responder responder;
  private final DigestAuthenticator auth;
  private final GuessLockout guesses;
  private final Clock clock;
  private final CallEvents<RegistrationListener> events = new CallEvents<>("registrar");

  RegistrarService(RegistrarPolicy policy, DigestAuthenticator auth, GuessLockout guesses, Responder responder, Clock clock,
      ScheduledExecutorService timers) {
    this.guesses = guesses;
    this.table = new BindingTable(policy, clock);
    this.responder = responder;
    this.auth = auth;
    this.clock = clock;
    events.setListener(policy.listener());
    timers.scheduleWithFixedDelay(this::sweep, 1, 1, TimeUnit.SECONDS);
  }

  BindingTable table() {
    return table;
  }

  /** Called on the stack's thread: hands the request to a virtual thread. */
  void onRegister(ServerTransaction st) {
    Thread.ofVirtual().name("sip-register").start(() -> {
      try {
        handle(st);
      } catch (RuntimeException e) {
        log.warn("REGISTER failed", e);
        responder.reply(st, 500, "Server Internal Error");
      }
    });
  }

  private void handle(ServerTransaction st) {
    Request request = st.getRequest();
    String user = Uris.user(((ToHeader) request.getHeader(ToHeader.NAME)).getAddress().getURI());
    if (user == null || user.isEmpty()) {
      responder.reply(st, 404, "Not Found"); // §10.3 step 5: no address-of-record we could serve
      return;
    }
    String source = ((SIPMessage) request).getPeerPacketSourceAddress().getHostAddress();
    if (auth != null && !authenticated(st, request, user, source)) return;
    RegisterRequest parsed;
    try {
      parsed = parse(st, request, user, source);
    } catch (IllegalArgumentException e) {
      responder.reply(st, 400, e.getMessage());
      return;
    }
    RegisterOutcome outcome = table.apply(parsed, clock.instant());
    switch (outcome) {
      case RegisterOutcome.Accepted a -> accept(st, user, a);
      case RegisterOutcome.TooBrief t -> reply(st, 423, "Interval Too Brief", "Min-Expires", Long.toString(t.minExpiresSeconds()));
      case RegisterOutcome.Refused r -> responder.reply(st, r.status(), r.reason());
    }
  }

  /**
   * §10.3 steps 3-4. Without credentials: 401. An unknown user and a wrong password get the same 403,
   * so that the answers do not tell which users exist; a digest user other than the To user, too.
   */
  private boolean authenticated(ServerTransaction st, Request request, String user, String source) {
    if (guesses.lockedOut(source)) {
      // Not even checked: a guesser must learn nothing from the answers while locked out.
      log.debug("REGISTER for {} from {}: source locked out", user, source);
      responder.reply(st, 403, "Forbidden");
      return false;
    }
    DigestAuthenticator.Verdict v = auth.verify(request, false);
    switch (v) {
      case DigestAuthenticator.Verdict.Authenticated a when a.user().equals(user) -> {
        return true;
      }
      case DigestAuthenticator.Verdict.Authenticated a -> {
        log.info("REGISTER for {} from {}: authenticated as {}, not allowed", user, source, a.user());
        failed(st, user, source);
      }
      case DigestAuthenticator.Verdict.Failed f -> {
        log.info("REGISTER for {} from {}: wrong credentials", user, source);
        failed(st, user, source);
      }
      case DigestAuthenticator.Verdict.Stale s -> challenge(st, true);
      case DigestAuthenticator.Verdict.Missing m -> challenge(st, false);
    }
    return false;
  }

  private void failed(ServerTransaction st, String user, String source) {
    if (guesses.failed(source)) log.warn("registrar: {} locked out after repeated wrong credentials", source);
    responder.reply(st, 403, "Forbidden");
    events.post(l -> l.onAuthenticationFailed(user, source));
  }

  private void challenge(ServerTransaction st, boolean stale) {
    try {
      Response r = responder.messages().response(st.getRequest(), 401, "Unauthorized");
      auth.challenge(responder.messages(), r, stale);
      responder.send(st, r);
    } catch (ParseException e) {
      throw new IllegalStateException(e);
    }
  }

  private static RegisterRequest parse(ServerTransaction st, Request request, String user, String source) {
    boolean wildcard = false;
    List<RegisterRequest.Contact> contacts = new ArrayList<>();
    for (Iterator<?> it = request.getHeaders(ContactHeader.NAME); it.hasNext(); ) {
      ContactHeader c = (ContactHeader) it.next();
      if (c.isWildCard()) {
        wildcard = true;
        continue;
      }
      if (c.getAddress() == null || !c.getAddress().getURI().isSipURI()) throw new IllegalArgumentException("Bad Contact");
      contacts.add(new RegisterRequest.Contact(c.getAddress().getURI().toString(), c.getExpires()));
    }
    if (wildcard && !contacts.isEmpty()) throw new IllegalArgumentException("Contact * with other Contacts");
    ExpiresHeader expires = (ExpiresHeader) request.getHeader(ExpiresHeader.NAME);
    return new RegisterRequest(
        user,
        ((CallIdHeader) request.getHeader(CallIdHeader.NAME)).getCallId(),
        ((CSeqHeader) request.getHeader(CSeqHeader.NAME)).getSeqNumber(),
        wildcard,
        contacts,
        expires == null ? -1 : expires.getExpires(),
        source,
        ((SIPMessage) request).getPeerPacketSourcePort(),
        ((SIPTransaction) st).getTransport().toLowerCase(Locale.ROOT));
  }

  /** §10.3 step 8: 200 with every current binding, each with its remaining expiry, and a Date. */
  private void accept(ServerTransaction st, String user, RegisterOutcome.Accepted a) {
    Instant now = clock.instant();
    // Events first: once the 200 is out the client may register again, and that change's event must
    // not overtake this one's.
    for (RegisterOutcome.Change c : a.changes()) {
      Binding b = c.binding();
      log.info("registrar: {} {} ({} {}:{})", user, c.kind().name().toLowerCase(Locale.ROOT), b.contactUri(),
          b.transport(), b.sourceHost() + ":" + b.sourcePort());
      switch (c.kind()) {
        case ADDED -> events.post(l -> l.onRegistered(b, false));
        case REFRESHED -> events.post(l -> l.onRegistered(b, true));
        case REMOVED -> events.post(l -> l.onRemoved(b));
        case EXPIRED -> events.post(l -> l.onExpired(b));
      }
    }
    try {
      Messages m = responder.messages();
      Response ok = m.response(st.getRequest(), 200, null);
      for (Binding b : a.bindings()) {
        ContactHeader c = m.contactHeader(b.contactUri());
        c.setExpires((int) Math.max(0, b.expiresAt().getEpochSecond() - now.getEpochSecond()));
        ok.addHeader(c);
      }
      ok.setHeader(m.dateHeader(now));
      responder.send(st, ok);
    } catch (ParseException | InvalidArgumentException e) {
      throw new IllegalStateException(e);
    }
  }

  private void reply(ServerTransaction st, int status, String reason, String header, String value) {
    try {
      Response r = responder.messages().response(st.getRequest(), status, reason);
      r.addHeader(responder.messages().headerFactory().createHeader(header, value)); // a singleton: not createHeaders
      responder.send(st, r);
    } catch (ParseException e) {
      throw new IllegalStateException(e);
    }
  }

  private void sweep() {
    try {
      for (Binding b : table.sweep(clock.instant())) {
        log.info("registrar: {} expired ({})", b.user(), b.contactUri());
        events.post(l -> l.onExpired(b));
      }
    } catch (RuntimeException e) {
      log.warn("registrar sweep failed", e); // a thrown exception would cancel the schedule
    }
  }
}
