package dev.parley.server.it;

import dev.parley.server.config.StorageSettings;
import dev.parley.server.store.BillingRecord;
import dev.parley.server.store.BillingRecords;
import dev.parley.server.store.Database;
import dev.parley.server.store.RecordingRecord;
import dev.parley.testkit.TestConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;

/**
 * What the recording and billing tests share: a config with a {@code storage:} section, and reading the
 * server's database back after it stopped. Ports: Parley SIP 15100-15109, baresip slots 20-29.
 */
final class StoreItSupport {
    private StoreItSupport() {}

    /** Writes {@code config} into {@code dir} with {@code storage} appended (TestConfig has no storage section). */
    static Path writeConfig(TestConfig config, Path dir, String storageYaml) throws IOException {
        Path file = config.writeTo(dir);
        Files.writeString(file, "storage: " + storageYaml + "\n", StandardOpenOption.APPEND);
        return file;
    }

    static List<BillingRecord> billing(StorageSettings s, String room) throws Exception {
        try (Database db = Database.open(s, Map.of())) {
            return new BillingRecords(db).query(room, null, null);
        }
    }

    static List<RecordingRecord> recordings(StorageSettings s, String room) throws Exception {
        try (Database db = Database.open(s, Map.of())) {
            return new BillingRecords(db).recordings(room, null, null);
        }
    }
}
