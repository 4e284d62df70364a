package dev.parley.server.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.parley.server.config.StorageSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/**
 * The database: a small HikariCP pool on SQLite (a file in the data directory) or PostgreSQL, with the
 * schema migrated by Flyway ({@code db/migration}) when it opens. Thread-safe.
 */
public final class Database implements AutoCloseable {
  private final HikariDataSource pool;
  private final boolean sqlite;

  private Database(HikariDataSource pool, boolean sqlite) {
    this.pool = pool;
    this.sqlite = sqlite;
  }

  /** Raised when the database cannot be opened or migrated; the message says which and why. */
  public static final class StoreException extends Exception {
    StoreException(String message, Throwable cause) {
      super(message, cause);
    }
  }

  /**
   * Opens the database of {@code s}, creating the data directory (and SQLite file) when missing, and
   * brings its schema up to date.
   *
   * @param env the environment, for {@value StorageSettings#PASSWORD_ENV}
   */
  public static Database open(StorageSettings s, Map<String, String> env) throws StoreException {
    String url = s.jdbcUrl();
    try {
      Files.createDirectories(s.dataDir());
    } catch (IOException e) {
      throw new StoreException("cannot create data directory " + s.dataDir() + ": " + e.getMessage(), e);
    }
    HikariConfig hc = new HikariConfig();
    hc.setJdbcUrl(url);
    hc.setPoolName("parley-db");
    if (!s.user().isEmpty()) hc.setUsername(s.user());
    String password = s.effectivePassword(env);
    if (!password.isEmpty()) hc.setPassword(password);
    // SQLite has one writer; more connections only wait on its lock (busy_timeout makes them wait, not fail).
    hc.setMaximumPoolSize(s.sqlite() ? 1 : 4);
    hc.setConnectionTimeout(10_000);
    if (s.sqlite()) {
      hc.addDataSourceProperty("busy_timeout", "10000");
      // WAL with synchronous=NORMAL: a commit is not an fsync (a killed process loses nothing the OS has;
      // only a power cut can lose the last commits), so billing writes stay cheap on a busy disk.
      hc.addDataSourceProperty("journal_mode", "WAL");
      hc.addDataSourceProperty("synchronous", "NORMAL");
    }
    HikariDataSource pool;
    try {
      pool = new HikariDataSource(hc);
    } catch (RuntimeException e) {
      throw new StoreException("cannot open database " + redacted(url) + ": " + rootMessage(e), e);
    }
    try {
      Flyway.configure(Database.class.getClassLoader()).dataSource(pool).locations("classpath:db/migration").load().migrate();
    } catch (RuntimeException e) {
      pool.close();
      throw new StoreException("cannot migrate database " + redacted(url) + ": " + rootMessage(e), e);
    }
    return new Database(pool, s.sqlite());
  }

  public DataSource dataSource() {
    return pool;
  }

  public Connection connection() throws SQLException {
    return pool.getConnection();
  }

  public boolean sqlite() {
    return sqlite;
  }

  @Override
  public void close() {
    pool.close();
  }

  /** The URL without a password in its query string. */
  static String redacted(String url) {
    return url.replaceAll("(?i)(password=)[^&]*", "$1***");
  }

  private static String rootMessage(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null && t.getCause() != t) t = t.getCause();
    return t.getMessage() == null ? t.toString() : t.getMessage();
  }
}
