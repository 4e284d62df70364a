package dev.parley.server.config;

import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;

/**
 * Where Parley keeps its database and recordings.
 *
 * @param dataDir  the data directory: the SQLite file and relative recording paths live under it; relative
 *                 to the config file's directory once loaded from a file
 * @param url      a {@code jdbc:sqlite:} or {@code jdbc:postgresql:} URL; empty means the SQLite file
 *                 {@code <dataDir>/parley.db}
 * @param user     database user (PostgreSQL); empty for none
 * @param password database password; {@link #PASSWORD_ENV} overrides it, so the file need not hold it
 */
public record StorageSettings(Path dataDir, String url, String user, String password) {

    /** The environment variable that overrides {@code storage.password}. */
    public static final String PASSWORD_ENV = "PARLEY_DB_PASSWORD";

    public StorageSettings {
        Objects.requireNonNull(dataDir, "dataDir");
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(password, "password");
    }

    /** The JDBC URL to open: {@link #url} or the default SQLite file. */
    public String jdbcUrl() {
        return url.isEmpty() ? "jdbc:sqlite:" + dataDir.resolve("parley.db") : url;
    }

    public boolean sqlite() {
        return jdbcUrl().startsWith("jdbc:sqlite:");
    }

    /** The password with {@value #PASSWORD_ENV} applied when it is set in {@code env}. */
    public String effectivePassword(Map<String, String> env) {
        String p = env.get(PASSWORD_ENV);
        return p != null && !p.isEmpty() ? p : password;
    }

    /** This with a relative data directory resolved against {@code baseDir} (null: unchanged). */
    StorageSettings resolvedAgainst(Path baseDir) {
        if (baseDir == null || dataDir.isAbsolute()) return this;
        return new StorageSettings(baseDir.resolve(dataDir).normalize(), url, user, password);
    }
}
