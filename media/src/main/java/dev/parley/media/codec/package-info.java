/**
 * Audio codecs: G.711 mu-law and A-law, G.722, Opus (Concentus), and the lookup by SDP encoding name.
 * Functions on arrays and per-stream state, no I/O, no allocation per call (Opus excepted, see OpusCodec).
 */
package dev.parley.media.codec;
