/**
 * The registrar's bindings and the rules of RFC 3261 §10.3 that change them, as plain values with
 * time passed in: no SIP stack, no threads, no clock of its own.
 */
package dev.parley.sip.registrar;
