package dev.parley.server.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.server.config.StorageSettings;
import dev.parley.server.store.BillingRecord;
import dev.parley.testkit.BaresipPeer;
import dev.parley.testkit.ParleyProcess;
import dev.parley.testkit.PostgresServer;
import dev.parley.testkit.TestConfig;
import dev.parley.testkit.Wav;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

/** The billing durations check of {@link RecordingIT}, with the server on PostgreSQL. */
class BillingPostgresIT {

    private static final Duration EVENT_LIMIT = Duration.ofSeconds(10);

    @Test
    void billingDurationsOnPostgresqlAreTheOnesTheCallersSaw() throws Exception {
        int sipPort = 15102;
        Path dir = ItSupport.outDir(getClass(), "postgresql");
        PostgresServer pg = PostgresServer.shared();
        pg.resetDatabase();
        Path config = StoreItSupport.writeConfig(TestConfig.forPort(sipPort).withoutSounds(), dir.resolve("server"),
                "{ data-dir: '" + dir.resolve("data") + "', url: '" + pg.jdbcUrl() + "', user: " + pg.user() + " }");
        List<BaresipPeer> peers = new ArrayList<>();
        Instant[] joined = new Instant[2];
        Instant[] left = new Instant[2];
        try (ParleyProcess server = ParleyProcess.start(config, dir.resolve("server/parley.log"), Duration.ofSeconds(30))) {
            assertThat(server.log()).contains("database PostgreSQL");
            try {
                for (int i = 0; i < 2; i++) {
                    peers.add(BaresipPeer.start(BaresipPeer.Settings.slot(25 + i, dir.resolve("peer" + i))
                            .withSource(Wav.tone(8000, 500 + 300 * i, 20, -16)).withLifetime(Duration.ofSeconds(40))));
                }
                for (int i = 0; i < 2; i++) {
                    peers.get(i).dialAndAwaitEstablished(ItSupport.roomUri(sipPort), EVENT_LIMIT);
                    joined[i] = Instant.now();
                }
                ItSupport.letAudioFlow(Duration.ofSeconds(3));
                for (int i = 1; i >= 0; i--) {
                    peers.get(i).hangup();
                    peers.get(i).awaitEvent("CALL_CLOSED", EVENT_LIMIT);
                    left[i] = Instant.now();
                    if (i > 0) ItSupport.letAudioFlow(Duration.ofSeconds(2));
                }
            } finally {
                peers.forEach(BaresipPeer::close);
            }
        }

        List<BillingRecord> records =
                StoreItSupport.billing(new StorageSettings(dir.resolve("data"), pg.jdbcUrl(), pg.user(), ""), "3000");
        assertThat(records).hasSize(2);
        for (int i = 0; i < 2; i++) {
            long expected = Duration.between(joined[i], left[i]).toMillis();
            assertThat(records.get(i).durationMillis()).as("member %d: %s", i, records.get(i))
                    .isCloseTo(expected, Offset.offset(1000L));
            assertThat(records.get(i).leaveReason()).isEqualTo("HUNG_UP");
        }
    }
}
