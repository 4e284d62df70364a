/**
 * Signal analysis on decoded PCM: pure classes that keep their state in preallocated fields, so they
 * can run per frame on a media thread without allocating. No RTP, codecs or sockets.
 */
package dev.parley.media.dsp;
