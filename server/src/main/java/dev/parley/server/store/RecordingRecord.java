package dev.parley.server.store;

import java.time.Instant;

/**
 * One recording file, as stored in {@code recordings}.
 *
 * @param durationMillis the audio in the file; null while recording
 * @param sizeBytes the file's size; null while recording
 */
public record RecordingRecord(String id, String roomSessionId, String room, String path, Instant startedAt,
    Instant endedAt, Long durationMillis, Long sizeBytes) {}
