package dev.parley.sip;

import dev.parley.sip.jainsip.JainSipServer;

/**
 * A running SIP user-agent server: it accepts INVITEs and hands each new call to a {@link
 * CallHandler}. It answers OPTIONS itself, refuses what it does not support (405/501), answers
 * requests for unknown dialogs with 481 and malformed requests with 400 where it can.
 */
public interface SipServer extends AutoCloseable {

  /**
   * Binds UDP and/or TCP on {@code config.address():config.port()} and starts serving.
   *
   * @throws SipStartException if a transport cannot be bound; the message names address:port and
   *     transport
   */
  static SipServer start(SipConfig config, CallHandler handler) throws SipStartException {
    return JainSipServer.start(config, handler);
  }

  /**
   * Stops the stack and closes the sockets. Calls still alive end with {@link EndReason#ERROR}
   * without any signalling; hang them up first for a clean shutdown. Idempotent.
   */
  @Override
  void close();
}
