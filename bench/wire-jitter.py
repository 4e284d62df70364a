#!/usr/bin/env python3
"""Output jitter of a server as the wire saw it: reads a classic pcap of RTP captured on the loopback
device (bench/capacity.sh WIRE=1 takes it with dumpcap) and prints, over every stream, the spread of
|capture step - RTP timestamp step| (RFC 3550 section 6.4.1 before smoothing) as p50 / p99 / max.

Why: the load generator measures jitter where it receives, and it shares the machine's two cores with
the server, so its own scheduling delays show up in its figures. The kernel stamps a captured
packet as it passes the loopback device, in the sending thread, which is the server's own timing.

    bench/wire-jitter.py FILE.pcap [--rate 8000]
"""
import argparse
import struct
import sys

RTCP_TYPES = range(200, 205)


def packets(path):
    """Yields (seconds, src port, dst port, rtp bytes) for each UDP/IPv4 packet of an Ethernet pcap."""
    with open(path, "rb") as f:
        header = f.read(24)
        if len(header) < 24:
            raise SystemExit(f"{path}: not a pcap file (too short)")
        magic = struct.unpack("<I", header[:4])[0]
        if magic == 0xA1B2C3D4:
            endian, scale = "<", 1e-6
        elif magic == 0xA1B23C4D:
            endian, scale = "<", 1e-9
        elif magic in (0xD4C3B2A1, 0x4D3CB2A1):
            endian, scale = ">", 1e-6 if magic == 0xD4C3B2A1 else 1e-9
        else:
            raise SystemExit(f"{path}: not a classic pcap (magic {magic:#x}); capture with dumpcap -F pcap")
        link = struct.unpack(endian + "I", header[20:24])[0]
        if link != 1:
            raise SystemExit(f"{path}: link type {link}, expected Ethernet (1), as Linux gives for lo")
        while True:
            record = f.read(16)
            if len(record) < 16:
                return
            sec, frac, incl, _ = struct.unpack(endian + "IIII", record)
            data = f.read(incl)
            if len(data) < 14 + 20 + 8 + 12 or data[12:14] != b"\x08\x00":
                continue
            ihl = (data[14] & 0x0F) * 4
            if data[14 + 9] != 17:  # not UDP
                continue
            udp = 14 + ihl
            src, dst = struct.unpack(">HH", data[udp:udp + 4])
            yield sec + frac * scale, src, dst, data[udp + 8:]


def percentile(sorted_values, p):
    return sorted_values[min(len(sorted_values) - 1, int((len(sorted_values) - 1) * p))]


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("pcap")
    parser.add_argument("--rate", type=int, default=8000, help="RTP clock rate of the streams (Hz)")
    args = parser.parse_args()

    last = {}  # (src, dst) -> (time, seq, timestamp)
    deviations = []
    gaps = 0
    rtp_packets = 0
    for when, src, dst, rtp in packets(args.pcap):
        if len(rtp) < 12 or rtp[0] >> 6 != 2 or rtp[1] in RTCP_TYPES:
            continue
        rtp_packets += 1
        seq, ts = struct.unpack(">HI", rtp[2:8])
        key = (src, dst)
        previous = last.get(key)
        last[key] = (when, seq, ts)
        if previous is None:
            continue
        p_when, p_seq, p_ts = previous
        step = (seq - p_seq) & 0xFFFF
        if step != 1:
            gaps += 1 if step > 1 and step < 0x8000 else 0
            continue
        ts_step = ((ts - p_ts) & 0xFFFFFFFF) / args.rate
        deviations.append(abs((when - p_when) - ts_step) * 1000)
    if not deviations:
        print(f"wire jitter: no RTP stream with two consecutive packets in {args.pcap}")
        return 1
    deviations.sort()
    print(f"wire jitter      p50 {percentile(deviations, 0.5):.2f} ms, p99 {percentile(deviations, 0.99):.2f} ms, "
          f"max {deviations[-1]:.2f} ms (server send times captured on lo: {len(last)} streams, "
          f"{rtp_packets} RTP packets, {gaps} sequence gaps)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
