package dev.parley.sip.jainsip;

import dev.parley.sip.Binding;
import dev.parley.sip.CallHandler;
import dev.parley.sip.OutboundRegistration;
import dev.parley.sip.OutboundRegistrationHandle;
import dev.parley.sip.OutboundRegistrationListener;
import dev.parley.sip.OutgoingCall;
import dev.parley.sip.OutgoingCallListener;
import dev.parley.sip.OutgoingCallRequest;
import dev.parley.sip.Registrar;
import dev.parley.sip.SipServerOptions;
import dev.parley.sip.SipConfig;
import dev.parley.sip.SipGuard;
import dev.parley.sip.guard.GuessLockout;
import dev.parley.sip.SipServer;
import dev.parley.sip.SipStartException;
import gov.nist.javax.sip.SipStackImpl;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import javax.sip.ListeningPoint;
import javax.sip.PeerUnavailableException;
import javax.sip.SipProvider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link SipServer} on the JAIN-SIP RI: one stack, one provider holding a UDP and/or a TCP listening
 * point on the same address and port, and {@link RequestDispatcher} as its listener.
 */
public final class JainSipServer implements SipServer {
  private static final Logger log = LoggerFactory.getLogger(JainSipServer.class);

  private final SipStackImpl stack;
  private final Set<DialogParty> calls;
  private final String description;
  private final ScheduledExecutorService timers;
  private final Registrar registrar;
  private final Dialer dialer;
  private final SipProvider provider;
  private final UacMessages uac;
  private final Set<OutboundRegistrationClient> registrations = ConcurrentHashMap.newKeySet();
  private boolean closed;

  private JainSipServer(SipStackImpl stack, Set<DialogParty> calls, String description, ScheduledExecutorService timers,
      Registrar registrar, Dialer dialer, SipProvider provider, UacMessages uac) {
    this.stack = stack;
    this.calls = calls;
    this.description = description;
    this.timers = timers;
    this.registrar = registrar;
    this.dialer = dialer;
    this.provider = provider;
    this.uac = uac;
  }

  /** Starts a server with the RFC 3261 timers. */
  public static SipServer start(SipConfig config, CallHandler handler, SipServerOptions services) throws SipStartException {
    return start(config, handler, StackOptions.DEFAULTS, services);
  }

  static JainSipServer start(SipConfig config, CallHandler handler, StackOptions options) throws SipStartException {
    return start(config, handler, options, SipServerOptions.none());
  }

  static JainSipServer start(SipConfig config, CallHandler handler, StackOptions options, SipServerOptions services)
      throws SipStartException {
    Objects.requireNonNull(config, "config");
    Objects.requireNonNull(handler, "handler");
    Objects.requireNonNull(services, "services");
    SipStackImpl stack;
    java.util.Properties properties = StackProperties.of(config, options);
    TlsStack tls = config.tls() == null ? null : TlsStack.prepare(config.tls(), properties);
    try {
      stack = new SipStackImpl(properties);
    } catch (PeerUnavailableException | RuntimeException e) {
      throw new SipStartException("SIP stack failed to start: " + e.getMessage(), e);
    } finally {
      if (tls != null) tls.forget();
    }
    if (tls != null && !(stack.getNetworkLayer() instanceof gov.nist.core.net.SslNetworkLayer)) {
      // The RI only logs a key store it cannot load and carries on without TLS.
      abandon(stack, List.of());
      throw new SipStartException("SIP over TLS: the SIP stack could not load the certificate "
          + config.tls().certificatePem() + " (see the log)", null);
    }
    List<ListeningPoint> points = new ArrayList<>();
    try {
      if (config.udp()) points.add(listen(stack, config, config.port(), ListeningPoint.UDP));
      if (config.tcp()) points.add(listen(stack, config, config.port(), ListeningPoint.TCP));
      if (config.tls() != null) points.add(listen(stack, config, config.tls().port(), ListeningPoint.TLS));
      SipProvider provider = stack.createSipProvider(points.getFirst());
      for (ListeningPoint lp : points.subList(1, points.size())) provider.addListeningPoint(lp);

      Set<DialogParty> calls = ConcurrentHashMap.newKeySet();
      Messages messages = new Messages(
          config.userAgent(), config.address(), config.port(), config.tls() == null ? 0 : config.tls().port());
      Responder responder = new Responder(messages, provider);
      // Timers only hand work on (a CANCEL, a REGISTER refresh, a sweep): one thread is plenty.
      ScheduledExecutorService timers = Executors.newSingleThreadScheduledExecutor(
          Thread.ofPlatform().daemon().name("sip-timers " + config.port()).factory());
      DigestAuthenticator auth = services.realm() == null ? null : new DigestAuthenticator(services.realm(), services.clock());
      SipGuard g = services.guard();
      GuessLockout guesses = new GuessLockout(g.guessLimit(), g.guessWindow(), g.lockout(), services.clock());
      RegistrarService registrar = services.registrar() == null ? null
          : new RegistrarService(services.registrar(), auth, guesses, responder, services.clock(), timers);
      InviteGate gate = new InviteGate(services.inviteAuth(), auth, guesses, messages);
      provider.addSipListener(new RequestDispatcher(provider, responder, handler, calls::add, calls::remove, registrar, gate,
          new RequestGuard(g)));
      stack.start();
      UacMessages uac = new UacMessages(messages, provider);
      Dialer dialer = new Dialer(provider, uac, responder, timers, calls);
      String description = transports(config)
          + (registrar != null ? ", registrar" : "");
      log.info("SIP listening: {}", description);
      return new JainSipServer(stack, calls, description, timers, registrar == null ? NO_REGISTRAR : registrar.table(),
          dialer, provider, uac);
    } catch (SipStartException e) {
      abandon(stack, points);
      throw e;
    } catch (Exception e) {
      abandon(stack, points);
      throw new SipStartException("SIP failed to start on " + config.address() + ":" + config.port() + ": " + e, e);
    }
  }

  /**
   * Undoes a failed start. The RI keeps the message processor of a listening point it failed to
   * bind, and its {@code stop()} then dies on that processor's null socket; so the listening points
   * that did bind are closed first, one by one, and the stop is best effort.
   */
  private static void abandon(SipStackImpl stack, List<ListeningPoint> bound) {
    for (ListeningPoint lp : bound) {
      try {
        stack.deleteListeningPoint(lp);
      } catch (Exception e) {
        log.debug("closing {} after a failed start: {}", lp.getTransport(), e.toString());
      }
    }
    try {
      stack.stop();
    } catch (RuntimeException e) {
      log.debug("stopping the stack after a failed start: {}", e.toString());
    }
  }

  private static ListeningPoint listen(SipStackImpl stack, SipConfig config, int port, String transport)
      throws SipStartException {
    try {
      return stack.createListeningPoint(config.address(), port, transport);
    } catch (Exception e) {
      // The RI wraps the BindException; its message ("Address already in use") is what helps.
      Throwable root = e;
      while (root.getCause() != null) root = root.getCause();
      throw new SipStartException(
          "cannot listen for SIP on " + config.address() + ":" + port + " over "
              + transport.toUpperCase(java.util.Locale.ROOT) + ": " + root.getMessage(),
          e);
    }
  }

  private static String transports(SipConfig config) {
    String plain = config.udp() && config.tcp() ? "UDP and TCP" : config.udp() ? "UDP" : config.tcp() ? "TCP" : null;
    String tls = config.tls() == null ? null : "TLS on " + config.address() + ":" + config.tls().port();
    if (plain == null) return tls;
    plain += " on " + config.address() + ":" + config.port();
    return tls == null ? plain : plain + ", " + tls;
  }

  /** The registrar of a server without one: nobody is ever registered. */
  private static final Registrar NO_REGISTRAR = new Registrar() {
    @Override
    public List<Binding> contacts(String user) {
      return List.of();
    }

    @Override
    public Set<String> users() {
      return Set.of();
    }
  };

  @Override
  public Registrar registrar() {
    return registrar;
  }

  @Override
  public OutgoingCall dial(OutgoingCallRequest request, OutgoingCallListener listener) {
    return dialer.dial(request, listener);
  }

  @Override
  public OutboundRegistrationHandle register(OutboundRegistration registration, OutboundRegistrationListener listener) {
    Objects.requireNonNull(registration, "registration");
    Objects.requireNonNull(listener, "listener");
    OutboundRegistrationClient client;
    try {
      client = new OutboundRegistrationClient(registration, provider, uac, timers, listener);
    } catch (Exception e) {
      throw new IllegalArgumentException("cannot build a REGISTER for " + registration.aor() + ": " + e.getMessage(), e);
    }
    registrations.add(client);
    client.start();
    return client;
  }

  @Override
  public void close() {
    synchronized (this) {
      if (closed) return;
      closed = true;
    }
    if (!registrations.isEmpty()) {
      // Un-REGISTER (RFC 3261 §10.2.2) and give the answers a moment before the stack goes.
      for (OutboundRegistrationClient r : registrations) r.close();
      long deadline = System.nanoTime() + 2_000_000_000L;
      while (System.nanoTime() < deadline
          && registrations.stream().anyMatch(r -> r.state() != OutboundRegistrationListener.State.CLOSED)) {
        try {
          Thread.sleep(20);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          break;
        }
      }
    }
    timers.shutdownNow();
    for (DialogParty call : List.copyOf(calls)) call.onServerClosed();
    try {
      stack.stop();
    } catch (RuntimeException e) {
      // The RI's UDP processor can be stopped before its own thread has set up its channel list
      // (NullPointerException in UDPMessageProcessor.stop, seen when a server is closed right after
      // it started). The sockets are closed by then; closing must not throw.
      log.debug("SIP stack stop: {}", e.toString());
    }
    log.info("SIP stopped: {}", description);
  }
}
