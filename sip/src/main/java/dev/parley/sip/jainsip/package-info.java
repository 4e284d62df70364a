/**
 * The JAIN-SIP RI adapter behind {@link dev.parley.sip.SipServer}: the only package that may import
 * {@code javax.sip} or {@code gov.nist}.
 *
 * <p>Threads: JAIN-SIP parses UDP on one thread and TCP on one thread per connection, and calls our
 * listener right there (re-entrant listener); timers call it from the RI's timer thread. The
 * listener only classifies, answers what needs no application (100, OPTIONS, 405/501, 481, 400) and
 * hands call events to {@link dev.parley.sip.jainsip.CallEvents}, which runs them on virtual
 * threads, in order per call.
 */
package dev.parley.sip.jainsip;
