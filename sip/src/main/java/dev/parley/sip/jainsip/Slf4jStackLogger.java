package dev.parley.sip.jainsip;

import gov.nist.core.StackLogger;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * JAIN-SIP's stack log through SLF4J (logger {@code dev.parley.sip.jainsip.stack}).
 *
 * <p>Without a {@code gov.nist.javax.sip.STACK_LOGGER} the RI loads log4j 1.x classes and fails to
 * start when they are absent; it instantiates this class by name with a no-argument constructor.
 * Its levels are shifted down: the RI logs per message at INFO, its warnings are about TLS settings
 * we do not use, and it calls routine protocol events (a garbage datagram, an out-of-sequence
 * request) errors. So: RI errors are our WARN, RI warnings and infos our DEBUG, RI debug our TRACE.
 *
 * <p>Messages are cut at {@value #MAX_CHARS} characters: on some errors the RI logs the whole 64 KB
 * receive buffer as a list of numbers.
 */
public final class Slf4jStackLogger implements StackLogger {
  static final String NAME = "dev.parley.sip.jainsip.stack";
  private static final Logger log = LoggerFactory.getLogger(NAME);
  static final int MAX_CHARS = 1000;
  private volatile boolean enabled = true;

  public Slf4jStackLogger() {}

  @Override
  public boolean isLoggingEnabled() {
    return enabled && log.isWarnEnabled();
  }

  @Override
  public boolean isLoggingEnabled(int level) {
    if (!enabled) return false;
    if (level <= TRACE_ERROR) return log.isWarnEnabled();
    if (level <= TRACE_INFO) return log.isDebugEnabled();
    return log.isTraceEnabled();
  }

  @Override
  public void logFatalError(String message) {
    log.error(cut(message));
  }

  @Override
  public void logError(String message) {
    log.warn(cut(message));
  }

  @Override
  public void logError(String message, Exception ex) {
    log.warn(cut(message), ex);
  }

  @Override
  public void logException(Throwable ex) {
    // Mostly a peer that went away (a closed TCP connection): its business, not an error of ours.
    if (ex instanceof java.io.IOException) log.debug("SIP stack I/O: {}", ex.toString());
    else log.warn("SIP stack exception", ex);
  }

  @Override
  public void logWarning(String message) {
    log.debug(cut(message));
  }

  @Override
  public void logInfo(String message) {
    log.debug(cut(message));
  }

  @Override
  public void logDebug(String message) {
    log.trace(message);
  }

  @Override
  public void logDebug(String message, Exception ex) {
    log.trace(message, ex);
  }

  @Override
  public void logTrace(String message) {
    log.trace(message);
  }

  @Override
  public void logStackTrace() {
    logStackTrace(TRACE_TRACE);
  }

  @Override
  public void logStackTrace(int level) {
    if (log.isTraceEnabled()) log.trace("stack trace", new Throwable("stack trace (not an error)"));
  }

  static String cut(String message) {
    if (message == null || message.length() <= MAX_CHARS) return message;
    return message.substring(0, MAX_CHARS) + "... (" + message.length() + " characters)";
  }

  @Override
  public int getLineCount() {
    return 0;
  }

  @Override
  public void disableLogging() {
    enabled = false;
  }

  @Override
  public void enableLogging() {
    enabled = true;
  }

  @Override
  public void setBuildTimeStamp(String buildTimeStamp) {
    log.debug("JAIN-SIP build {}", buildTimeStamp);
  }

  @Override
  public void setStackProperties(Properties properties) {
    // Levels come from the SLF4J configuration, not from the stack's TRACE_LEVEL property.
  }

  @Override
  public String getLoggerName() {
    return NAME;
  }
}
