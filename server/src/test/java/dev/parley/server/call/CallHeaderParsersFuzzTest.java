package dev.parley.server.call;

import dev.parley.testkit.fuzz.Fuzzer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What the call layer parses from a peer's signalling: SIP INFO bodies ({@link DtmfInfo}, any
 * Content-Type) and dial strings ({@link DialString}: from the config, the API and keyed numbers).
 * DtmfInfo returns a digit or null and never throws; DialString throws only IllegalArgumentException.
 */
class CallHeaderParsersFuzzTest {
    private static final List<String> TYPES = List.of("application/dtmf-relay", "application/dtmf",
            "APPLICATION/DTMF-RELAY; charset=utf-8", "text/plain", "");

    @Test
    void infoBodiesGiveADigitOrNothing() {
        Fuzzer.forCorpusOf(CallHeaderParsersFuzzTest.class)
                .dictionary(List.of("Signal=", "Duration=", "\r\n", "\n", "=", "10", "11", "*", "#", " "))
                .rounds(10_000)
                .run(in -> {
                    String body = new String(in, StandardCharsets.UTF_8);
                    for (String type : TYPES) {
                        DtmfInfo.Digit d = DtmfInfo.parse(type, body);
                        if (d != null && "0123456789*#ABCD".indexOf(d.digit()) < 0) {
                            throw new AssertionError("not a DTMF digit: " + d);
                        }
                    }
                    DtmfInfo.parse(body, body);
                });
    }

    @Test
    void dialStringsParseOrAreRefusedWithIllegalArgument() {
        Fuzzer.forCorpusOf(CallHeaderParsersFuzzTest.class)
                .dictionary(List.of("user/", "gateway/", "sip:", "sips:", "{", "}", ",", "=", "caller-id-name=",
                        "caller-id-number=", "timeout=", "flags=", "header:X-", "origination_caller_id_name=", "|", ":", "@"))
                .rounds(10_000)
                .run(in -> {
                    try {
                        DialString.parse(new String(in, StandardCharsets.UTF_8));
                    } catch (IllegalArgumentException refused) {
                        if (refused.getMessage() == null || refused.getMessage().isBlank()) {
                            throw new AssertionError("refused without saying why", refused);
                        }
                    }
                });
    }
}
