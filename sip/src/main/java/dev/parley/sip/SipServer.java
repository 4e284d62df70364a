package dev.parley.sip;

import dev.parley.sip.jainsip.JainSipServer;

/**
 * A running SIP user agent: it accepts INVITEs and hands each new call to a {@link CallHandler},
 * places calls ({@link #dial}), may act as a registrar ({@link #registrar}) and register itself
 * elsewhere ({@link #register}). It answers OPTIONS itself, refuses what it does not support
 * (405/501), answers requests for unknown dialogs with 481 and malformed requests with 400 where it
 * can.
 */
public interface SipServer extends AutoCloseable {

  /**
   * Binds UDP and/or TCP on {@code config.address():config.port()} and starts serving.
   *
   * @throws SipStartException if a transport cannot be bound; the message names address:port and
   *     transport
   */
  static SipServer start(SipConfig config, CallHandler handler) throws SipStartException {
    return JainSipServer.start(config, handler, SipServerOptions.none());
  }

  /**
   * {@link #start(SipConfig, CallHandler)} with a registrar, digest authentication and an INVITE
   * policy as {@code options} say.
   */
  static SipServer start(SipConfig config, CallHandler handler, SipServerOptions options) throws SipStartException {
    return JainSipServer.start(config, handler, options);
  }

  /**
   * The registrar's bindings; empty when the server was started without a {@link RegistrarPolicy}.
   */
  Registrar registrar();

  /**
   * Places a call: sends the INVITE at once (not waiting for anything on the caller's thread) and
   * reports its progress to {@code listener}.
   *
   * @throws IllegalArgumentException if the request URI or a header cannot be parsed
   */
  OutgoingCall dial(OutgoingCallRequest request, OutgoingCallListener listener);

  /** Starts registering at another registrar and keeps the registration fresh until closed. */
  OutboundRegistrationHandle register(OutboundRegistration registration, OutboundRegistrationListener listener);

  /**
   * Stops the stack and closes the sockets. Calls still alive end with {@link EndReason#ERROR}
   * without any signalling; hang them up first for a clean shutdown. Outbound registrations are
   * closed first (un-registering, best effort). Idempotent.
   */
  @Override
  void close();
}
