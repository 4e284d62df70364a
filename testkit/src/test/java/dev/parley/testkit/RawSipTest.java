package dev.parley.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RawSipTest {

    @Test
    void fillReplacesPlaceholdersAndMakesCrlf() {
        String s = RawSip.fill("OPTIONS sip:${host} SIP/2.0\nCSeq: 1 OPTIONS\n\n", Map.of("host", "a$b"));
        assertThat(s).isEqualTo("OPTIONS sip:a$b SIP/2.0\r\nCSeq: 1 OPTIONS\r\n\r\n");
        assertThatThrownBy(() -> RawSip.fill("${nope}", Map.of())).hasMessageContaining("nope");
    }

    @Test
    void headersStatusAndCseqMethodAreRead() {
        String r = "SIP/2.0 487 Request Terminated\r\nTo: <sip:3000@h>;tag=x\r\ncseq:  1   INVITE\r\n\r\nTo: body";
        assertThat(RawSip.statusCode(r)).isEqualTo(487);
        assertThat(RawSip.header(r, "to")).isEqualTo("<sip:3000@h>;tag=x");
        assertThat(RawSip.cseqMethod(r)).isEqualTo("INVITE");
        assertThat(RawSip.header(r, "Via")).isNull();
        assertThat(RawSip.statusCode("INVITE sip:x SIP/2.0")).isEqualTo(-1);
    }

    @Test
    void aDatagramComesBackAndTimeoutsAreBounded() throws IOException {
        try (RawSip a = RawSip.open(0); RawSip b = RawSip.open(0)) {
            a.send("SIP/2.0 100 Trying\r\n\r\n", b.localPort());
            a.send("SIP/2.0 400 Bad Request\r\n\r\n", b.localPort());
            assertThat(b.awaitFinalResponse(Duration.ofSeconds(2)).map(RawSip::statusCode)).contains(400);
            assertThat(b.received()).hasSize(2);
            long t = System.nanoTime();
            assertThat(b.awaitFinalResponse(Duration.ofMillis(200))).isEmpty();
            assertThat(System.nanoTime() - t).isLessThan(Duration.ofSeconds(2).toNanos());
        }
    }
}
