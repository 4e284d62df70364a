package dev.parley.server.config;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/** Reads {@code storage:}. */
final class StorageReader {

    static final List<String> KEYS = List.of("data-dir", "url", "user", "password");

    private StorageReader() {
    }

    /**
     * @param base values for absent keys; {@code null} when reading the built-in defaults themselves
     * @return the settings, or {@code null} if a problem was recorded
     */
    static StorageSettings read(YamlMap m, StorageSettings base, Problems problems) {
        if (base == null) {
            m.requireAll(KEYS, Set.of());
        }
        int before = problems.count();
        Path dataDir = m.read("data-dir", StorageReader::path);
        String url = m.read("url", StorageReader::url);
        String user = m.read("user", String::strip);
        String password = m.read("password", v -> v);
        if (problems.count() > before) {
            return null;
        }
        return new StorageSettings(
                dataDir != null ? dataDir : base.dataDir(),
                url != null ? url : base.url(),
                user != null ? user : base.user(),
                password != null ? password : base.password());
    }

    /** A directory as written; also {@code media.announcements}. */
    static Path path(String text) {
        String v = text.strip();
        if (v.isEmpty()) throw new IllegalArgumentException("expected a directory, got nothing");
        try {
            return Path.of(v);
        } catch (InvalidPathException e) {
            throw new IllegalArgumentException("not a valid path: " + e.getReason());
        }
    }

    /** Empty (the SQLite file in the data directory), or a SQLite or PostgreSQL JDBC URL. */
    static String url(String text) {
        String v = text.strip();
        if (v.isEmpty() || v.startsWith("jdbc:sqlite:") || v.startsWith("jdbc:postgresql://")) return v;
        throw new IllegalArgumentException(
                "expected jdbc:sqlite:FILE or jdbc:postgresql://HOST:PORT/DATABASE (or '' for data-dir/parley.db), got '"
                        + v + "'");
    }
}
