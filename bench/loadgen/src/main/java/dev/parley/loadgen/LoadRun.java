package dev.parley.loadgen;

import dev.parley.loadgen.media.AudioLoop;
import dev.parley.loadgen.media.Call;
import dev.parley.loadgen.media.RtpReceiver;
import dev.parley.loadgen.media.RtpSender;
import dev.parley.loadgen.media.SpeechLike;
import dev.parley.loadgen.media.Tones;
import dev.parley.loadgen.report.CpuSnapshot;
import dev.parley.loadgen.report.PortOwner;
import dev.parley.loadgen.sip.Uac;
import dev.parley.loadgen.sip.UacCall;
import dev.parley.testkit.Wav;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.channels.DatagramChannel;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One load run, start to end: open a socket per call, place the calls, wait until they are up and
 * settled, measure a window, hang up, and collect what every thread counted into a {@link LoadResult}.
 *
 * <p>Threads: the caller of {@link #run} (control, and the sleeps that make up the window), the
 * UAC thread, one or two sender threads and one receiver thread. Progress goes to {@code log}.
 */
public final class LoadRun {

  /** Peak amplitude of a member's tone: -24 dBFS, so ten of them sum without reaching the limiter. */
  static final int TONE_AMPLITUDE = 2000;
  static final int SPEECH_AMPLITUDE = 6000;
  /** One second of audio is kept per checked call: a 25 Hz neighbour is then far down the window's skirt. */
  private static final int CAPTURE_BYTES = AudioLoop.SAMPLE_RATE_HZ;

  private final LoadOptions o;
  private final PrintStream log;

  public LoadRun(LoadOptions options, PrintStream log) {
    this.o = options;
    this.log = log;
  }

  public LoadResult run() throws IOException, InterruptedException {
    int n = o.calls();
    List<Call> calls = openCalls(n);
    RtpReceiver receiver = new RtpReceiver(calls, o.pollMicros() * 1000L);
    List<RtpSender> senders = new ArrayList<>();
    for (int i = 0; i < o.senderThreads(); i++) senders.add(new RtpSender(10));
    List<Thread> mediaThreads = new ArrayList<>();
    mediaThreads.add(Thread.ofPlatform().name("lg-recv").start(receiver));
    for (int i = 0; i < senders.size(); i++) mediaThreads.add(Thread.ofPlatform().name("lg-send-" + i).start(senders.get(i)));

    List<String> numbers = new ArrayList<>(n);
    int[] rtpPorts = new int[n];
    for (int j = 0; j < n; j++) {
      numbers.add(o.number(j));
      rtpPorts[j] = ((InetSocketAddress) calls.get(j).channel.getLocalAddress()).getPort();
    }
    Uac uac = new Uac(o.target(), o.localHost(), o.sipPort(), numbers, rtpPorts, o.callsPerSecond(), o.maxInFlight(),
        o.telephoneEvent(), new Uac.Listener() {
          @Override
          public void answered(UacCall sip) {
            Call c = calls.get(sip.index);
            try {
              c.channel.connect(sip.mediaTarget); // symmetric RTP: only the answerer's port is heard
            } catch (IOException e) {
              sip.failure = "cannot connect RTP to " + sip.mediaTarget + ": " + e.getMessage();
              return;
            }
            c.active = true;
            senders.get(sip.index % senders.size()).add(c);
          }

          @Override
          public void ended(UacCall sip) {
            calls.get(sip.index).active = false;
          }
        });
    Thread uacThread = Thread.ofPlatform().name("lg-sip").start(uac);
    long serverPid = o.serverPid() > 0 ? o.serverPid() : PortOwner.pidOfUdpPort(o.target().getPort()).orElse(0);

    log.printf("loadgen: %d calls to %s in %d rooms of %d (%s..%s), %d talking per room, audio %s%n", n, o.target(),
        o.rooms(), o.perRoom(), o.number(0), o.number(o.rooms() - 1), o.talkersPerRoom(), o.audio().name().toLowerCase());
    long setupLimitSeconds = (long) Math.ceil(n / o.callsPerSecond()) + 40;
    if (!uac.awaitSetUp(setupLimitSeconds, TimeUnit.SECONDS)) log.println("loadgen: not every call was set up in " + setupLimitSeconds + " s");
    long answered = uac.calls().stream().filter(UacCall::answered).count();
    log.printf("loadgen: %d of %d calls answered; settling %d s, then measuring %d s%n", answered, n,
        o.settle().toSeconds(), o.duration().toSeconds());
    Thread.sleep(o.settle());

    CpuSnapshot before = CpuSnapshot.take(serverPid);
    receiver.openWindow();
    for (RtpSender s : senders) s.openWindow();
    receiver.captureFor(Math.min(TimeUnit.SECONDS.toNanos(1), o.duration().toNanos()));
    Thread.sleep(o.duration());
    receiver.closeWindow();
    for (RtpSender s : senders) s.closeWindow();
    CpuSnapshot after = CpuSnapshot.take(serverPid);

    for (Call c : calls) c.active = false; // audio stops before the BYEs, as a phone's does
    uac.hangUpAll();
    long endLimitSeconds = (long) Math.ceil(n / o.callsPerSecond()) + 35;
    if (!uac.awaitEnded(endLimitSeconds, TimeUnit.SECONDS)) log.println("loadgen: not every call ended in " + endLimitSeconds + " s");
    uac.stop();
    for (RtpSender s : senders) s.stop();
    receiver.stop();
    uacThread.join();
    for (Thread t : mediaThreads) t.join();
    for (Call c : calls) c.channel.close();
    return new LoadResult(o, calls, uac.calls(), senders, before, after, serverPid);
  }

  private List<Call> openCalls(int n) throws IOException {
    Map<Integer, AudioLoop> tones = new HashMap<>();
    AudioLoop silence = AudioLoop.silence();
    AudioLoop speech = o.audio() == LoadOptions.Audio.SPEECH
        ? AudioLoop.fromPcm(o.speechWav() == null ? SpeechLike.pcm(SPEECH_AMPLITUDE) : readSpeech())
        : null;
    List<Call> calls = new ArrayList<>(n);
    int checkEvery = o.toneChecks() <= 0 ? 0 : Math.max(1, n / o.toneChecks());
    for (int j = 0; j < n; j++) {
      AudioLoop audio = silence;
      if (o.talks(j)) {
        audio = switch (o.audio()) {
          case TONE -> tones.computeIfAbsent(Tones.frequencyHz(o.indexInRoom(j)), f -> AudioLoop.tone(f, TONE_AMPLITUDE));
          case SPEECH -> speech;
          case SILENCE -> silence;
        };
      }
      DatagramChannel ch = DatagramChannel.open();
      ch.setOption(StandardSocketOptions.SO_RCVBUF, 256 << 10); // room for a 100 ms stall without drops
      ch.bind(new InetSocketAddress(o.localHost(), 0));
      int ssrc = 0x4c470000 ^ (j * 0x9E3779B1);
      Call c = new Call(j, o.roomOf(j), o.indexInRoom(j), ch, audio, ssrc);
      if (checkEvery > 0 && j % checkEvery == 0 && j / checkEvery < o.toneChecks()) c.captureAudio(CAPTURE_BYTES);
      calls.add(c);
    }
    return calls;
  }

  private short[] readSpeech() throws IOException {
    Wav w = Wav.read(o.speechWav());
    if (w.sampleRateHz() != AudioLoop.SAMPLE_RATE_HZ) {
      throw new IOException(o.speechWav() + ": " + w.sampleRateHz() + " Hz, want 8000 (resample with sox -r 8000)");
    }
    return w.samples();
  }
}
