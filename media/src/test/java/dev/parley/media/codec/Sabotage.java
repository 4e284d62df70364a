package dev.parley.media.codec;

/** Ways to break a decoder on purpose, to show the reference bound catches them. */
enum Sabotage {
  NONE,
  /** A fresh decoder for every packet: no inter-frame prediction, overlap or mode transition state. */
  FORGETS_STATE,
  /** Every tenth packet concealed although it arrived: PLC where a decode was due. */
  CONCEALS_ONE_IN_TEN,
  /** Decodes narrowband (8 kHz) and upsamples: the bandwidth the packets carry is lost. */
  NARROWBAND_ONLY,
  /** Silence where a packet was lost: no concealment at all. */
  SILENCE_FOR_LOSS
}
