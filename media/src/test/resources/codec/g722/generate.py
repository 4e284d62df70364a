#!/usr/bin/env python3
"""Makes the G.722 reference vectors with spandsp (libspandsp2, the library baresip's g722 module uses;
its G.722 passes the ITU-T G.722 test sequences). Run from this directory; needs libspandsp.so.2.

signal.s16le  1 s at 16 kHz, 16-bit little-endian: a 100 Hz - 7.5 kHz chirp, two tones and noise, with
              the level stepping from -40 to -3 dBFS, so every quantiser range and both bands are used
signal.g722   spandsp's 64 kbit/s encoding of it (g722_encode_init(NULL, 64000, 0))
signal.dec.s16le  spandsp's decoding of signal.g722
"""
import ctypes, math, random, struct

lib = ctypes.CDLL("libspandsp.so.2")
lib.g722_encode_init.restype = ctypes.c_void_p
lib.g722_decode_init.restype = ctypes.c_void_p
lib.g722_encode.argtypes = [ctypes.c_void_p, ctypes.c_char_p, ctypes.c_void_p, ctypes.c_int]
lib.g722_decode.argtypes = [ctypes.c_void_p, ctypes.c_void_p, ctypes.c_char_p, ctypes.c_int]

rate, n = 16000, 16000
rnd = random.Random(722)
samples = []
phase = 0.0
for i in range(n):
    t = i / rate
    f = 100 + (7500 - 100) * t  # linear chirp over the second
    phase += 2 * math.pi * f / rate
    level_db = -40 + 37 * ((i // 2000) / 7)  # 8 steps of 125 ms
    a = 32767 * 10 ** (level_db / 20)
    v = 0.5 * math.sin(phase) + 0.2 * math.sin(2 * math.pi * 1000 * t) + 0.2 * math.sin(2 * math.pi * 5000 * t)
    v += 0.1 * (rnd.random() * 2 - 1)
    samples.append(max(-32768, min(32767, int(round(a * v)))))
pcm = struct.pack("<%dh" % n, *samples)
open("signal.s16le", "wb").write(pcm)

enc = lib.g722_encode_init(None, 64000, 0)
out = ctypes.create_string_buffer(n // 2)
buf = (ctypes.c_int16 * n)(*samples)
m = lib.g722_encode(enc, out, buf, n)
open("signal.g722", "wb").write(out.raw[:m])

dec = lib.g722_decode_init(None, 64000, 0)
amp = (ctypes.c_int16 * n)()
k = lib.g722_decode(dec, amp, out.raw[:m], m)
open("signal.dec.s16le", "wb").write(struct.pack("<%dh" % k, *amp[:k]))
print("encoded", m, "bytes, decoded", k, "samples")
