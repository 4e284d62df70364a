/**
 * Audio codecs: G.711 mu-law and A-law, and the lookup by SDP encoding name. Pure functions on arrays,
 * no I/O, no allocation per call.
 */
package dev.parley.media.codec;
