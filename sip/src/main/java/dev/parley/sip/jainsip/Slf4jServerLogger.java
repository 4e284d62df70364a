package dev.parley.sip.jainsip;

import gov.nist.core.ServerLogger;
import gov.nist.javax.sip.message.SIPMessage;
import java.util.Properties;
import javax.sip.SipStack;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * JAIN-SIP's message trace through SLF4J: every SIP message sent or received, at TRACE on logger
 * {@code dev.parley.sip.jainsip.wire}. Replaces the RI's file-writing {@code ServerLog}; the RI
 * instantiates it by name ({@code gov.nist.javax.sip.SERVER_LOGGER}).
 *
 * <p>The RI only calls it when the stack logger is enabled at its INFO level (our DEBUG), so turn on
 * both loggers to see messages.
 */
public final class Slf4jServerLogger implements ServerLogger {
  private static final Logger wire = LoggerFactory.getLogger("dev.parley.sip.jainsip.wire");

  public Slf4jServerLogger() {}

  @Override
  public void logMessage(SIPMessage message, String from, String to, boolean sender, long time) {
    trace(message, from, to, null, sender);
  }

  @Override
  public void logMessage(SIPMessage message, String from, String to, String status, boolean sender, long time) {
    trace(message, from, to, status, sender);
  }

  @Override
  public void logMessage(SIPMessage message, String from, String to, String status, boolean sender) {
    trace(message, from, to, status, sender);
  }

  private static void trace(SIPMessage message, String from, String to, String status, boolean sender) {
    if (!wire.isTraceEnabled()) return;
    wire.trace(
        "{} {} -> {}{}\n{}", sender ? "sent" : "received", from, to, status == null ? "" : " (" + status + ")",
        message.encode());
  }

  @Override
  public void logException(Exception ex) {
    wire.debug("SIP stack exception", ex);
  }

  @Override
  public void closeLogFile() {}

  @Override
  public void setStackProperties(Properties properties) {}

  @Override
  public void setSipStack(SipStack sipStack) {}
}
