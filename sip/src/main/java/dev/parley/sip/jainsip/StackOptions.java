package dev.parley.sip.jainsip;

/**
 * Tunables of the stack that {@link dev.parley.sip.SipConfig} does not expose; tests shorten timers
 * with them.
 *
 * @param ackTimeoutTicks how many 500 ms ticks (T1) our 2xx is retransmitted without an ACK before
 *     the call is ended; RFC 3261 §13.3.1.4 says 64*T1, i.e. 64
 * @param udpThreads threads that parse UDP datagrams. One keeps the messages of a call in arrival
 *     order (an ACK and a BYE sent back to back are processed in that order); parsing is cheap next
 *     to everything else a call costs.
 * @param maxTcpMessageBytes largest message accepted over TCP, so a peer cannot make us buffer
 *     without end
 */
record StackOptions(int ackTimeoutTicks, int udpThreads, int maxTcpMessageBytes) {
  static final StackOptions DEFAULTS = new StackOptions(64, 1, 65_536);

  StackOptions {
    if (ackTimeoutTicks < 1) throw new IllegalArgumentException("ackTimeoutTicks " + ackTimeoutTicks);
    if (udpThreads < 1) throw new IllegalArgumentException("udpThreads " + udpThreads);
  }

  StackOptions withAckTimeoutTicks(int ticks) {
    return new StackOptions(ticks, udpThreads, maxTcpMessageBytes);
  }
}
