package dev.parley.loadgen;

import dev.parley.loadgen.report.Report;
import dev.parley.loadgen.report.ToneCheck;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code parley loadgen}: places rooms x per-room calls, streams 20 ms PCMU on each, measures what
 * comes back and prints the summary. Exit code 0 when every call was answered and every tone check
 * passed, 1 otherwise (loss and jitter are figures, not verdicts).
 */
@Command(name = "loadgen", mixinStandardHelpOptions = true, subcommands = EchoCommand.class,
    description = "SIP/RTP load generator: N calls with real INVITE/ACK/BYE, one UDP socket per call, 20 ms "
        + "G.711 frames paced on absolute deadlines. Reports loss, jitter, sequence gaps, the tone check (members "
        + "hear their room-mates and not themselves) and its own CPU next to the target's.")
final class LoadgenCommand implements Callable<Integer> {

  @Option(names = "--target", converter = HostPort.class, defaultValue = "127.0.0.1:5060",
      description = "SIP address of the server (UDP). Default: ${DEFAULT-VALUE}")
  InetSocketAddress target;

  @Option(names = "--local", defaultValue = "127.0.0.1", description = "Address to bind and announce. Default: ${DEFAULT-VALUE}")
  String local;

  @Option(names = "--sip-port", defaultValue = "5070", description = "The generator's SIP port, 0 for any. Default: ${DEFAULT-VALUE}")
  int sipPort;

  @Option(names = "--rooms", defaultValue = "10", description = "Rooms. Default: ${DEFAULT-VALUE}")
  int rooms;

  @Option(names = "--per-room", defaultValue = "10", description = "Members per room. Default: ${DEFAULT-VALUE}")
  int perRoom;

  @Option(names = "--number", defaultValue = "room%d",
      description = "Number dialled for room r (1-based), a format with one %%d. Default: ${DEFAULT-VALUE}")
  String numberFormat;

  @Option(names = "--audio", defaultValue = "tone",
      description = "What talkers send: ${COMPLETION-CANDIDATES}. Default: ${DEFAULT-VALUE}")
  LoadOptions.Audio audio;

  @Option(names = "--speech-wav", description = "PCM16 mono 8 kHz WAV for --audio speech (default: a built-in speech-like signal)")
  Path speechWav;

  @Option(names = "--talkers", defaultValue = "all",
      description = "Talking members per room: all, a count, or a fraction such as 0.3. The rest send silence. Default: ${DEFAULT-VALUE}")
  String talkers;

  @Option(names = "--duration", defaultValue = "20", description = "Measured window in seconds. Default: ${DEFAULT-VALUE}")
  int durationSeconds;

  @Option(names = "--settle", defaultValue = "2", description = "Seconds between the last call up and the window. Default: ${DEFAULT-VALUE}")
  int settleSeconds;

  @Option(names = "--rate", defaultValue = "100", description = "Calls placed (and ended) per second. Default: ${DEFAULT-VALUE}")
  double rate;

  @Option(names = "--max-in-flight", defaultValue = "100", description = "INVITEs without a final answer at most. Default: ${DEFAULT-VALUE}")
  int maxInFlight;

  @Option(names = "--sender-threads", defaultValue = "1", description = "1 or 2. Default: ${DEFAULT-VALUE}")
  int senderThreads;

  @Option(names = "--tone-checks", defaultValue = "100", description = "Calls (spread over the rooms) checked with Goertzel. Default: ${DEFAULT-VALUE}")
  int toneChecks;

  @Option(names = "--expect", defaultValue = "mix-minus",
      description = "What a member should hear: mix-minus (a conference) or self (the echo target). Default: ${DEFAULT-VALUE}")
  String expect;

  @Option(names = "--poll-us", defaultValue = "1000",
      description = "Receiver: look for packets every this many µs (arrival times to that resolution); 0 wakes on each packet, "
          + "exact but dearer. Default: ${DEFAULT-VALUE}")
  int pollMicros;

  @Option(names = "--server-pid", defaultValue = "0", description = "The target's pid for its CPU and RSS; default: the owner of the target's UDP port")
  long serverPid;

  @Option(names = "--csv", description = "Write one line per call to this file")
  Path csv;

  @Option(names = "--in-band-dtmf",
      description = "Offer no telephone-event (RFC 4733), like a phone that sends keys as tones: the target then "
          + "listens for keys in every member's audio, the dearest case. Default: offer it, as SIPp and phones do")
  boolean inBandDtmf;

  @Override
  public Integer call() throws Exception {
    ToneCheck.Expect e = switch (expect.toLowerCase()) {
      case "mix-minus" -> ToneCheck.Expect.MIX_MINUS;
      case "self" -> ToneCheck.Expect.ECHO;
      default -> throw new IllegalArgumentException("--expect is mix-minus or self, not " + expect);
    };
    LoadOptions o = new LoadOptions(target, local, sipPort, rooms, perRoom, numberFormat, audio, speechWav,
        Talkers.parse(talkers, perRoom), Duration.ofSeconds(durationSeconds), Duration.ofSeconds(settleSeconds), rate,
        maxInFlight, senderThreads, toneChecks, e, pollMicros, serverPid, csv, !inBandDtmf);
    LoadResult r = new LoadRun(o, System.err).run();
    Report.print(r, System.out);
    if (csv != null) Report.writeCsv(r, csv);
    return r.failed() == 0 && r.toneFailures() == 0 ? 0 : 1;
  }
}
