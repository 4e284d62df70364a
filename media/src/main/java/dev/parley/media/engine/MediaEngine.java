package dev.parley.media.engine;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The media engine: a fixed set of media threads ({@link MediaWorker}) and the RTP port range.
 * Rooms are placed on the least loaded worker and stay there, so a room's media path is single
 * threaded. Thread-safe.
 */
public final class MediaEngine implements AutoCloseable {
  private final MediaEngineConfig config;
  private final PortPool ports;
  private final List<MediaWorker> workers = new ArrayList<>();

  public MediaEngine(MediaEngineConfig config) throws IOException {
    this.config = config;
    this.ports = new PortPool(config.address(), config.rtpPortMin(), config.rtpPortMax());
    for (int i = 0; i < config.effectiveWorkers(); i++) {
      MediaWorker w = new MediaWorker(i, config.realtimePriority());
      workers.add(w);
      w.start();
    }
  }

  public MediaEngineConfig config() {
    return config;
  }

  /** Each worker's tick figures, by worker index; for metrics. */
  public List<TickStats> tickStats() {
    return workers.stream().map(MediaWorker::tickStats).toList();
  }

  /** Creates a room's media and starts ticking it. */
  public RoomMedia createRoom(RoomMediaSpec spec) {
    MediaWorker least = workers.getFirst();
    for (MediaWorker w : workers) {
      if (w.load() < least.load()) least = w;
    }
    RoomMedia room = new RoomMedia(spec, least, ports, config.rtpTimeout().toNanos());
    least.addRoom(room);
    return room;
  }

  @Override
  public void close() {
    for (MediaWorker w : workers) w.shutdown();
  }
}
