#!/usr/bin/env python3
"""Regenerates the handmade RTP test packets in this directory (RtpPacketFilesTest reads them).

Every valid packet uses sequence 0x1234, timestamp 0xDEADBEEF, SSRC 0xCAFEBABE, payload type 0 and
a payload of bytes 0, 1, 2, ... so the test can check exactly where the payload starts and ends.
"""
import os
import struct

os.chdir(os.path.dirname(os.path.abspath(__file__)))


def header(p=0, x=0, cc=0, m=0, pt=0, seq=0x1234, ts=0xDEADBEEF, ssrc=0xCAFEBABE, version=2):
    return struct.pack("!BBHII", version << 6 | p << 5 | x << 4 | cc, m << 7 | pt, seq, ts, ssrc)


def payload(n):
    return bytes(i & 0xFF for i in range(n))


def write(name, data):
    with open(name, "wb") as f:
        f.write(data)


csrcs = struct.pack("!II", 0x11111111, 0x22222222)
ext = struct.pack("!HH", 0xBEDE, 2) + bytes([0x10, 0xAA, 0, 0, 0x21, 0xBB, 0xCC, 0])  # RFC 8285 one-byte

write("valid-plain.bin", header(m=1) + payload(160))
write("valid-csrc.bin", header(cc=2, pt=8) + csrcs + payload(20))
write("valid-extension.bin", header(x=1) + ext + payload(10))
write("valid-padding.bin", header(p=1) + payload(20) + bytes([0, 0, 0, 4]))
write("valid-all.bin", header(p=1, x=1, cc=2, m=1, pt=96) + csrcs + ext + payload(7) + bytes([0, 0, 3]))
write("valid-empty-payload.bin", header())
write("valid-only-padding.bin", header(p=1) + bytes([0, 0, 0, 0, 0, 0, 0, 8]))
write("truncated-header.bin", header()[:11])
write("truncated-csrc.bin", header(cc=15) + payload(20))
write("truncated-extension-header.bin", header(cc=1, x=1) + csrcs[:4] + struct.pack("!H", 0xBEDE))
write("truncated-extension.bin", header(x=1) + struct.pack("!HH", 0xBEDE, 10) + payload(8))
write("bad-padding-zero.bin", header(p=1) + payload(20) + bytes([0]))
write("bad-padding-too-big.bin", header(p=1) + payload(20) + bytes([22]))
write("bad-version.bin", header(version=1) + payload(20))
write("garbage-http.bin", b"GET / HTTP/1.1\r\nHost: parley\r\n\r\n")
# A STUN binding request (RFC 5389 §6), which ICE-capable phones send to the RTP port.
write("garbage-stun.bin", struct.pack("!HHI", 0x0001, 0, 0x2112A442) + bytes(range(12)))
# An RTCP receiver report (RFC 3550 §6.4.2) with no report blocks: parses as RTP, is RTCP by RFC 5761.
write("rtcp-rr.bin", struct.pack("!BBHI", 0x80, 201, 1, 0xCAFEBABE))
