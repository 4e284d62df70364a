/**
 * Defences that run before any call logic: per-source rate limits, refused scanner user agents,
 * lockout of password guessers. Pure JDK, time passed in, so they are tested without a stack.
 */
package dev.parley.sip.guard;
