package dev.parley.sip.jainsip;

import dev.parley.sip.SipConfig;
import java.util.Properties;

/** The JAIN-SIP RI configuration for one server (property names from {@code SipStackImpl}). */
final class StackProperties {
  private StackProperties() {}

  static Properties of(SipConfig config, StackOptions options) {
    Properties p = new Properties();
    // Unique per server: SipFactory would cache stacks by name, and we build ours directly anyway.
    p.setProperty("javax.sip.STACK_NAME", "parley-" + config.address() + ":" + config.port());
    // The stack creates and matches dialogs; it answers BYE/CANCEL/PRACK without one with 481,
    // merged requests with 482 (RFC 3261 §8.2.2.2) and interleaved INVITEs with 491/500.
    p.setProperty("javax.sip.AUTOMATIC_DIALOG_SUPPORT", "on");
    // Log through SLF4J instead of log4j 1.x, which the RI otherwise loads at start.
    p.setProperty("gov.nist.javax.sip.STACK_LOGGER", Slf4jStackLogger.class.getName());
    p.setProperty("gov.nist.javax.sip.SERVER_LOGGER", Slf4jServerLogger.class.getName());
    // Parser flaws mended: SIP/7.0 passed as 2.0, a 400 reason phrase broken over lines, NPEs on
    // requests without CSeq (see TidyParserFactory).
    p.setProperty("gov.nist.javax.sip.MESSAGE_PARSER_FACTORY", TidyParserFactory.class.getName());
    // In-dialog requests of TCP calls go back over the caller's connection.
    p.setProperty("javax.sip.ROUTER_PATH", FlowRouter.class.getName());
    p.setProperty("javax.sip.USE_ROUTER_FOR_ALL_URIS", "true");
    p.setProperty("gov.nist.javax.sip.DIALOG_TIMEOUT_FACTOR", Integer.toString(options.ackTimeoutTicks()));
    // The listener runs on the thread that parsed the message, not on the RI's event-scanner queue:
    // with the queue, a CANCEL right behind its INVITE was parsed before the listener had created
    // the INVITE's transaction, and the RI answered it 481. The listener never blocks (it hands
    // calls to virtual threads) and is thread-safe, which re-entrant delivery requires.
    p.setProperty("gov.nist.javax.sip.REENTRANT_LISTENER", "true");
    p.setProperty("gov.nist.javax.sip.THREAD_POOL_SIZE", Integer.toString(options.udpThreads()));
    p.setProperty("gov.nist.javax.sip.MAX_MESSAGE_SIZE", Integer.toString(options.maxTcpMessageBytes()));
    // Keep accepted TCP connections so that requests to the peer can reuse them (RFC 3261 §18.1.1).
    p.setProperty("gov.nist.javax.sip.CACHE_SERVER_CONNECTIONS", "true");
    p.setProperty("gov.nist.javax.sip.CACHE_CLIENT_CONNECTIONS", "true");
    // A retransmitted ACK is the peer's business (it saw our 2xx twice); the application saw the first.
    p.setProperty("gov.nist.javax.sip.DELIVER_RETRANSMITTED_ACK_TO_LISTENER", "false");
    return p;
  }
}
