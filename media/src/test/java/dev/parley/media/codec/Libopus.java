package dev.parley.media.codec;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * libopus as the reference implementation, through Debian's {@code opus-tools} (opusenc, opusdec,
 * opusinfo; installed by scripts/install-test-deps.sh). The RFC 6716 §6 test vectors are checked
 * against libopus's own decoder, which these tools are; the vectors themselves cannot be had offline.
 * A missing tool fails the test with the install hint: the reference tests are never skipped.
 */
final class Libopus {
  /** A run takes well under a second; this only stops a hung tool from hanging the build. */
  private static final long TIMEOUT_SECONDS = 60;

  private Libopus() {}

  /** Runs a tool in {@code dir}; returns its output, or fails with the command and what it printed. */
  static String run(Path dir, String... command) throws IOException, InterruptedException {
    Path log = Files.createTempFile(dir, "tool", ".log");
    Process p;
    try {
      p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
          .redirectOutput(log.toFile()).redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
          .start();
    } catch (IOException e) {
      throw new AssertionError(command[0] + " is not installed: run scripts/install-test-deps.sh (opus-tools)", e);
    }
    if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError(String.join(" ", command) + " did not finish in " + TIMEOUT_SECONDS + " s");
    }
    String out = Files.readString(log, StandardCharsets.UTF_8);
    if (p.exitValue() != 0) {
      throw new AssertionError(String.join(" ", command) + " exited " + p.exitValue() + ":\n" + out);
    }
    return out;
  }

  /** {@code opusenc} with the given options: the file libopus's encoder makes of {@code wav}. */
  static Path encode(Path wav, Path opus, List<String> options) throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>(List.of("opusenc", "--quiet"));
    cmd.addAll(options);
    cmd.addAll(List.of(wav.toString(), opus.toString()));
    run(opus.getParent(), cmd.toArray(String[]::new));
    return opus;
  }

  /**
   * What libopus's decoder makes of a file: {@code opusdec --float} (no dither, no rounding to 16 bits)
   * at {@code rateHz}, with the pre-skip already dropped and the end trimmed to the last granule, as
   * RFC 7845 §4 says a player does; plus each packet's final range-coder state.
   *
   * @param lossPercent {@code opusdec --packet-loss}: that share of packets is dropped at random and
   *                    concealed; 0 for none
   */
  static Decoded decode(Path opus, int rateHz, int lossPercent) throws IOException, InterruptedException {
    Path dir = opus.getParent();
    String base = opus.getFileName().toString().replace(".opus", "") + "-loss" + lossPercent;
    Path raw = dir.resolve(base + ".f32");
    Path ranges = dir.resolve(base + ".ranges");
    List<String> cmd = new ArrayList<>(List.of("opusdec", "--quiet", "--float", "--rate", Integer.toString(rateHz),
        "--save-range", ranges.toString()));
    if (lossPercent > 0) cmd.addAll(List.of("--packet-loss", Integer.toString(lossPercent)));
    cmd.addAll(List.of(opus.toString(), raw.toString()));
    run(dir, cmd.toArray(String[]::new));
    ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(raw)).order(ByteOrder.LITTLE_ENDIAN);
    double[] pcm = new double[b.remaining() / 4];
    // Float samples are full scale at 1.0; ours are shorts, full scale at 32768.
    for (int i = 0; i < pcm.length; i++) pcm[i] = b.getFloat() * 32768.0;
    return new Decoded(rateHz, pcm, finalRanges(ranges), modes(ranges));
  }

  /**
   * The last field of each {@code --save-range} line, one line a packet, e.g.
   * {@code 960, 103, [[1, 102], HYB, FB, M, 960, 11782356]}. A lost packet's line shows 0: a decoded
   * packet's range is never 0 (the range coder keeps it above 2^23, RFC 6716 §4.1).
   */
  static long[] finalRanges(Path file) throws IOException {
    List<String> lines = Files.readAllLines(file);
    long[] r = new long[lines.size()];
    for (int i = 0; i < r.length; i++) {
      String line = lines.get(i).trim();
      int comma = line.lastIndexOf(',');
      r[i] = Long.parseLong(line.substring(comma + 1).replace("]", "").trim());
    }
    return r;
  }

  private static final java.util.regex.Pattern MODE = java.util.regex.Pattern.compile("\\b(LP|HYB|MDCT)\\b");

  /** The modes the packets used, from the same lines: {@code LP} (SILK), {@code HYB} (hybrid), {@code MDCT} (CELT). */
  static java.util.SortedSet<String> modes(Path file) throws IOException {
    java.util.SortedSet<String> modes = new java.util.TreeSet<>();
    java.util.regex.Matcher m = MODE.matcher(Files.readString(file));
    while (m.find()) modes.add(m.group(1));
    return modes;
  }

  /** {@code opusinfo}'s report on a file; fails when opusinfo exits non-zero (an invalid stream). */
  static String info(Path opus) throws IOException, InterruptedException {
    return run(opus.getParent(), "opusinfo", opus.toString());
  }

  /**
   * @param pcm          the reference samples in 16-bit units, pre-skip dropped
   * @param finalRanges  one per audio packet, 0 for a packet opusdec dropped
   * @param modes        the Opus modes the packets used
   */
  record Decoded(int rateHz, double[] pcm, long[] finalRanges, java.util.SortedSet<String> modes) {}
}
