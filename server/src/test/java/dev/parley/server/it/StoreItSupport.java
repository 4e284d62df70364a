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

    /** When the first caller joined and when the server was killed. */
    record Killed(java.time.Instant firstJoin, java.time.Instant killedAt) {}

    /**
     * Starts Parley, dials {@code peers} into room 3000 one after the other, lets them talk for
     * {@code talk}, then kills the server with SIGKILL (no chance to close files or records). The
     * caller closes the peers.
     */
    static Killed callThenKill9(Path config, Path log, java.time.Duration startup, int sipPort,
            List<dev.parley.testkit.BaresipPeer> peers, java.time.Duration talk) throws Exception {
        java.time.Duration limit = java.time.Duration.ofSeconds(10);
        dev.parley.testkit.ParleyProcess server = dev.parley.testkit.ParleyProcess.start(config, log, startup);
        try {
            peers.getFirst().dialAndAwaitEstablished(ItSupport.roomUri(sipPort), limit);
            java.time.Instant firstJoin = java.time.Instant.now();
            for (var p : peers.subList(1, peers.size())) p.dialAndAwaitEstablished(ItSupport.roomUri(sipPort), limit);
            ItSupport.letAudioFlow(talk);
            Process kill = new ProcessBuilder("kill", "-9", Long.toString(server.pid())).inheritIO().start();
            if (kill.waitFor() != 0) throw new AssertionError("kill -9 " + server.pid() + " failed");
            return new Killed(firstJoin, java.time.Instant.now());
        } finally {
            server.stop();
        }
    }
}
