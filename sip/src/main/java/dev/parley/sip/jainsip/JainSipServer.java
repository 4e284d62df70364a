package dev.parley.sip.jainsip;

import dev.parley.sip.CallHandler;
import dev.parley.sip.SipConfig;
import dev.parley.sip.SipServer;
import dev.parley.sip.SipStartException;
import gov.nist.javax.sip.SipStackImpl;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
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
  private final Set<JainSipCall> calls;
  private final String description;
  private boolean closed;

  private JainSipServer(SipStackImpl stack, Set<JainSipCall> calls, String description) {
    this.stack = stack;
    this.calls = calls;
    this.description = description;
  }

  /** Starts a server with the RFC 3261 timers. */
  public static SipServer start(SipConfig config, CallHandler handler) throws SipStartException {
    return start(config, handler, StackOptions.DEFAULTS);
  }

  static JainSipServer start(SipConfig config, CallHandler handler, StackOptions options) throws SipStartException {
    Objects.requireNonNull(config, "config");
    Objects.requireNonNull(handler, "handler");
    SipStackImpl stack;
    try {
      stack = new SipStackImpl(StackProperties.of(config, options));
    } catch (PeerUnavailableException | RuntimeException e) {
      throw new SipStartException("SIP stack failed to start: " + e.getMessage(), e);
    }
    List<ListeningPoint> points = new ArrayList<>();
    try {
      if (config.udp()) points.add(listen(stack, config, ListeningPoint.UDP));
      if (config.tcp()) points.add(listen(stack, config, ListeningPoint.TCP));
      SipProvider provider = stack.createSipProvider(points.getFirst());
      for (ListeningPoint lp : points.subList(1, points.size())) provider.addListeningPoint(lp);

      Set<JainSipCall> calls = ConcurrentHashMap.newKeySet();
      Responder responder = new Responder(new Messages(config.userAgent(), config.address(), config.port()), provider);
      provider.addSipListener(new RequestDispatcher(provider, responder, handler, calls::add, calls::remove));
      stack.start();
      String description = transports(config) + " on " + config.address() + ":" + config.port();
      log.info("SIP listening: {}", description);
      return new JainSipServer(stack, calls, description);
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

  private static ListeningPoint listen(SipStackImpl stack, SipConfig config, String transport) throws SipStartException {
    try {
      return stack.createListeningPoint(config.address(), config.port(), transport);
    } catch (Exception e) {
      // The RI wraps the BindException; its message ("Address already in use") is what helps.
      Throwable root = e;
      while (root.getCause() != null) root = root.getCause();
      throw new SipStartException(
          "cannot listen for SIP on " + config.address() + ":" + config.port() + " over "
              + transport.toUpperCase(java.util.Locale.ROOT) + ": " + root.getMessage(),
          e);
    }
  }

  private static String transports(SipConfig config) {
    return config.udp() && config.tcp() ? "UDP and TCP" : config.udp() ? "UDP" : "TCP";
  }

  @Override
  public void close() {
    synchronized (this) {
      if (closed) return;
      closed = true;
    }
    for (JainSipCall call : List.copyOf(calls)) call.onServerClosed();
    stack.stop();
    log.info("SIP stopped: {}", description);
  }
}
