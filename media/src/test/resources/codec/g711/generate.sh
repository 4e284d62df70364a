#!/bin/sh
# Regenerates the G.711 reference vectors in this directory with sox (SoX v14.4.2 was used).
#   ramp.s16le        every 16-bit sample value once, -32768..32767 ascending (raw, little-endian)
#   ramp.pcmu/.pcma   sox's encoding of ramp.s16le
#   codes.u8          every 8-bit code once, 0x00..0xff
#   codes.pcmu.s16le  sox's decoding of codes.u8 as mu-law; codes.pcma.s16le as A-law
# -D turns dither off: without it sox adds random TPDF noise when it reduces 16 bits to 13/14,
# and the output would differ from run to run.
set -eu
cd "$(dirname "$0")"
python3 -c 'import struct,sys; sys.stdout.buffer.write(struct.pack("<65536h", *range(-32768, 32768)))' > ramp.s16le
python3 -c 'import sys; sys.stdout.buffer.write(bytes(range(256)))' > codes.u8
in16="-t raw -e signed -b 16 -r 8000 -c 1"
sox -D $in16 ramp.s16le -t raw -e mu-law -r 8000 -c 1 ramp.pcmu
sox -D $in16 ramp.s16le -t raw -e a-law -r 8000 -c 1 ramp.pcma
sox -D -t raw -e mu-law -r 8000 -c 1 codes.u8 $in16 codes.pcmu.s16le
sox -D -t raw -e a-law -r 8000 -c 1 codes.u8 $in16 codes.pcma.s16le
