package dev.parley.loadgen;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.loadgen.echo.EchoTarget;
import dev.parley.loadgen.report.Report;
import dev.parley.loadgen.report.ToneCheck;
import dev.parley.testkit.ParleyProcess;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The generator end to end over loopback: against its own echo target (in this JVM), and against a
 * real Parley process with a few rooms. Figures are asserted only where they are exact on any
 * machine (every call up, every tone check, no sequence gaps); loss only loosely, since one packet
 * per call can fall either side of the window's edges.
 *
 * <p>Ports, chosen apart from the server ITs' plan ({@code server/.../it/ItSupport}): Parley SIP
 * 15160 and RTP 21000-21099; the generator's and the echo target's SIP and RTP sockets are
 * ephemeral (port 0).
 */
class LoadgenIT {

  private static final int PARLEY_SIP_PORT = 15160;

  private static LoadOptions options(InetSocketAddress target, int rooms, int perRoom, int seconds,
      ToneCheck.Expect expect) {
    return new LoadOptions(target, "127.0.0.1", 0, rooms, perRoom, "room%d", LoadOptions.Audio.TONE, null, perRoom,
        Duration.ofSeconds(seconds), Duration.ofSeconds(1), 50, 20, 1, rooms * perRoom, expect, 1000, 0, null, true);
  }

  private static LoadResult run(LoadOptions o) throws Exception {
    ByteArrayOutputStream log = new ByteArrayOutputStream();
    LoadResult r = new LoadRun(o, new PrintStream(log, true, StandardCharsets.UTF_8)).run();
    Report.print(r, System.out); // in the failsafe report, for reading after a failure
    return r;
  }

  @Test
  void throughTheEchoTargetEveryMemberHearsItsOwnToneAndNoOneElse() throws Exception {
    try (EchoTarget echo = EchoTarget.start(new InetSocketAddress("127.0.0.1", 0))) {
      LoadResult r = run(options(echo.sipAddress(), 2, 3, 2, ToneCheck.Expect.ECHO));

      assertThat(r.answered()).isEqualTo(6);
      assertThat(r.endedCleanly()).isEqualTo(6);
      assertThat(r.toneResults()).hasSize(6);
      assertThat(r.toneFailures()).as(String.valueOf(r.toneResults())).isZero();
      assertThat(r.seqMissing()).isZero();
      assertThat(r.expectedBySequence()).as("packets in the window").isGreaterThan(r.expectedTotal() / 2);
      assertThat(r.lostBySequence()).isZero();
      assertThat(r.shortCalls()).isZero();
      assertThat(r.lossPercent()).isLessThan(5);
      assertThat(r.jitter().count()).isPositive();
    }
  }

  @Test
  void inParleyEveryMemberHearsItsRoomMatesAndNotItself() throws Exception {
    Path dir = Files.createDirectories(ParleyProcess.home().resolve("bench/loadgen/target/it/LoadgenIT"));
    Path config = dir.resolve("parley.yaml");
    Files.writeString(config, parleyConfig());
    try (ParleyProcess parley = ParleyProcess.start(config, dir.resolve("parley.log"), Duration.ofSeconds(30))) {
      LoadResult r = run(options(new InetSocketAddress("127.0.0.1", PARLEY_SIP_PORT), 3, 4, 3, ToneCheck.Expect.MIX_MINUS));

      assertThat(r.answered()).isEqualTo(12);
      assertThat(r.endedCleanly()).isEqualTo(12);
      assertThat(r.toneResults()).hasSize(12);
      assertThat(r.toneFailures()).as(String.valueOf(r.toneResults())).isZero();
      assertThat(r.seqMissing()).isZero();
      assertThat(r.expectedBySequence()).as("packets in the window").isGreaterThan(r.expectedTotal() / 2);
      assertThat(r.lostBySequence()).isZero();
      assertThat(r.shortCalls()).isZero();
      assertThat(r.lossPercent()).isLessThan(5);
      assertThat(r.serverPid).isEqualTo(parley.pid());
      assertThat(r.serverCpuPercent()).isNotNaN();
    }
  }

  /** Like {@code bench/load.yaml}: rooms by number, no prompts, so members hear only each other. */
  private static String parleyConfig() throws IOException {
    return "sip: { address: 127.0.0.1, port: " + PARLEY_SIP_PORT + ", transports: [udp] }\n"
        + "media: { address: 127.0.0.1, rtp-ports: 21000-21099, rtp-timeout: 30s }\n"
        + "profiles:\n"
        + "  default: { rate: 8000, interval: 20, energy-level: 100, max-members: 0, lonely: true }\n"
        + "routes:\n"
        + "  - match: '^room(\\d+)$'\n"
        + "    room: '$1'\n"
        + "    profile: default\n";
  }
}
