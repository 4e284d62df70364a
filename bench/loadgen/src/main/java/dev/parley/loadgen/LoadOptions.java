package dev.parley.loadgen;

import dev.parley.loadgen.report.ToneCheck;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Everything one load run needs. Built by {@link LoadgenCommand} from the command line, or directly
 * by a test.
 *
 * @param target the SIP address calls are sent to (UDP)
 * @param localHost the address the generator binds (SIP and RTP) and announces
 * @param sipPort the generator's SIP port, 0 for any
 * @param rooms how many rooms; call {@code j} goes to room {@code j % rooms}, so rooms fill evenly
 * @param perRoom members per room
 * @param numberFormat the number dialled for room {@code r} (1-based), as a {@link String#format}
 *     pattern with one {@code %d}, e.g. {@code room%d}
 * @param audio what talking members send
 * @param speechWav a PCM16 mono 8 kHz WAV for {@link Audio#SPEECH}, or null for the built-in signal
 * @param talkersPerRoom how many members of each room talk (the first ones); the rest send silence
 * @param duration the measured window, which opens once every call is up and {@code settle} has passed
 * @param callsPerSecond how fast calls are placed (and ended)
 * @param maxInFlight at most this many INVITEs without a final response
 * @param senderThreads 1 or 2 sender threads
 * @param toneChecks how many calls (spread over the rooms) record audio for the tone check
 * @param expect what a member should hear: a conference (mix-minus) or an echo target
 * @param pollMicros how often the receiver looks for packets, 0 to be woken by each one (see {@link
 *     dev.parley.loadgen.media.RtpReceiver})
 * @param serverPid the target process for its CPU and RSS, or 0 to find it by the UDP port of target
 * @param csv where to write one line per call, or null
 * @param telephoneEvent offer RFC 4733 telephone-event (payload type 101), as SIPp and phones do; false
 *     makes the target listen for keys in every member's audio (in-band detection), the dearer case
 */
public record LoadOptions(InetSocketAddress target, String localHost, int sipPort, int rooms, int perRoom,
    String numberFormat, Audio audio, Path speechWav, int talkersPerRoom, Duration duration, Duration settle,
    double callsPerSecond, int maxInFlight, int senderThreads, int toneChecks, ToneCheck.Expect expect,
    int pollMicros, long serverPid, Path csv, boolean telephoneEvent) {

  /** What a talking member sends. */
  public enum Audio { TONE, SPEECH, SILENCE }

  public LoadOptions {
    if (rooms < 1 || perRoom < 1) throw new IllegalArgumentException("rooms and per-room must be >= 1");
    if (talkersPerRoom < 0 || talkersPerRoom > perRoom) throw new IllegalArgumentException("talkers must be 0..per-room");
    if (senderThreads < 1 || senderThreads > 2) throw new IllegalArgumentException("sender threads must be 1 or 2");
    if (callsPerSecond <= 0) throw new IllegalArgumentException("call rate must be > 0");
    if (!numberFormat.contains("%d")) throw new IllegalArgumentException("number format needs a %d: " + numberFormat);
  }

  public int calls() {
    return rooms * perRoom;
  }

  /** Room of call {@code j}, 1-based. */
  public int roomOf(int call) {
    return call % rooms + 1;
  }

  /** Position of call {@code j} in its room, 0-based: the order in which it joins. */
  public int indexInRoom(int call) {
    return call / rooms;
  }

  public boolean talks(int call) {
    return indexInRoom(call) < talkersPerRoom && audio != Audio.SILENCE;
  }

  public String number(int call) {
    return String.format(numberFormat, roomOf(call));
  }
}
