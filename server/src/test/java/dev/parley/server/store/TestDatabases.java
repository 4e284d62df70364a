package dev.parley.server.store;

import dev.parley.server.config.StorageSettings;
import dev.parley.testkit.PostgresServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Function;

/**
 * The two databases every store test runs on: a fresh SQLite file, and a freshly created database in
 * the throwaway PostgreSQL cluster of this JVM. A PostgreSQL that cannot start fails the test with the
 * reason; it is never skipped.
 */
enum TestDatabases implements Function<Path, StorageSettings> {
  SQLITE {
    @Override
    public StorageSettings apply(Path dir) {
      return new StorageSettings(dir, "", "", "");
    }
  },
  POSTGRESQL {
    @Override
    public StorageSettings apply(Path dir) {
      try {
        PostgresServer pg = PostgresServer.shared();
        pg.resetDatabase();
        return new StorageSettings(dir, pg.jdbcUrl(), pg.user(), "");
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  };

  Database open(Path dir) throws Database.StoreException {
    return Database.open(apply(dir), Map.of());
  }
}
