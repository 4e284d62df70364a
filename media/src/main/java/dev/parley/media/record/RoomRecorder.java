package dev.parley.media.record;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records a room's mix to a WAV or an Ogg Opus file ({@link RecordingFormat}). The media thread hands it one frame per tick ({@link #offer},
 * a copy into a lock-free ring, no allocation, no I/O); a writer thread of its own drains the ring to
 * the file every {@value #DRAIN_MILLIS} ms (encoding there, for Opus) and makes it readable every
 * {@value #HEADER_MILLIS} ms (the WAV header's sizes, the end of an Ogg page), so a {@code kill -9} leaves a file that plays up to about the last second.
 *
 * <p>{@link #pause} and {@link #end} may be called from any thread. {@link #finished} completes on the
 * writer thread once the file is closed, with what was written.
 */
public final class RoomRecorder {
  private static final Logger log = LoggerFactory.getLogger(RoomRecorder.class);
  static final int DRAIN_MILLIS = 100;
  static final int HEADER_MILLIS = 1000;
  /** The ring holds this much audio: the writer may stall this long (a slow disk) before frames drop. */
  private static final int RING_SECONDS = 8;

  /** What a recording left on disk. */
  public record Result(Path file, long durationMillis, long sizeBytes, long droppedFrames, IOException error) {}

  private final Path file;
  private final int rateHz;
  private final PcmRing ring;
  private final RecordingSink sink;
  private final Thread writer;
  private final CompletableFuture<Result> finished = new CompletableFuture<>();
  private volatile boolean paused;
  private volatile boolean ended;
  /** Written by the media thread only. */
  private volatile long droppedFrames;

  private RoomRecorder(Path file, int rateHz, RecordingFormat format) throws IOException {
    this.file = file;
    this.rateHz = rateHz;
    this.ring = new PcmRing(rateHz * RING_SECONDS);
    this.sink = switch (format) {
      case WAV -> new WavWriter(file, rateHz, rateHz * DRAIN_MILLIS / 1000 * 4);
      case OPUS -> new OggOpusWriter(file, rateHz);
    };
    this.writer = Thread.ofPlatform().name("parley-recorder").daemon(true).unstarted(this::writeLoop);
  }

  /**
   * Creates the file (and its directories) with an empty WAV header and starts the writer. Call it on
   * a control thread: it does file I/O.
   */
  public static RoomRecorder start(Path file, int rateHz) throws IOException {
    return start(file, rateHz, RecordingFormat.WAV);
  }

  /** As {@link #start(Path, int)}, in {@code format}. */
  public static RoomRecorder start(Path file, int rateHz, RecordingFormat format) throws IOException {
    RoomRecorder r = new RoomRecorder(file, rateHz, format);
    r.writer.start();
    return r;
  }

  public Path file() {
    return file;
  }

  /**
   * Media thread: copies one frame of the mix. Dropped while paused, after {@link #end}, and when the
   * writer has fallen {@value #RING_SECONDS} s behind (counted in {@link Result#droppedFrames}).
   */
  public void offer(short[] frame, int count) {
    if (paused || ended) return;
    if (!ring.offer(frame, count)) droppedFrames++;
  }

  /** While paused, the mix is not written: the file skips the paused time. */
  public void pause(boolean value) {
    paused = value;
  }

  public boolean paused() {
    return paused;
  }

  /** Stops taking frames; the writer writes what it has, closes the file and completes {@link #finished}. */
  public void end() {
    ended = true;
    LockSupport.unpark(writer);
  }

  public CompletableFuture<Result> finished() {
    return finished;
  }

  /** @return the next checkpoint's time */
  private long checkpointIfDue(long dueNanos) throws IOException {
    long now = System.nanoTime();
    if (now - dueNanos < 0) return dueNanos;
    sink.checkpoint();
    return now + TimeUnit.MILLISECONDS.toNanos(HEADER_MILLIS);
  }

  private void writeLoop() {
    short[] chunk = new short[rateHz * DRAIN_MILLIS / 1000 * 4];
    long nextHeader = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(HEADER_MILLIS);
    IOException error = null;
    try {
      while (true) {
        boolean last = ended; // read before draining: frames offered before end() are all written
        int n;
        while ((n = ring.drain(chunk)) > 0) {
          sink.append(chunk, n);
          // Checked between chunks too: an encoder slower than real time (cold JIT, a loaded machine)
          // keeps the ring from emptying, and the file must stay readable meanwhile.
          nextHeader = checkpointIfDue(nextHeader);
        }
        if (last) break;
        nextHeader = checkpointIfDue(nextHeader);
        LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(DRAIN_MILLIS));
      }
    } catch (IOException e) {
      error = e;
      log.warn("recording {}: write failed, the file ends here: {}", file, e.toString());
    }
    try {
      sink.close();
    } catch (IOException e) {
      if (error == null) error = e;
    }
    long samples = sink.audioSamples();
    finished.complete(new Result(file, samples * 1000 / rateHz, sink.fileBytes(), droppedFrames, error));
  }
}
