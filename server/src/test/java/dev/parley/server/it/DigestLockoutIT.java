package dev.parley.server.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.sip.digest.Digest;
import dev.parley.sip.digest.DigestAlgorithm;
import dev.parley.sip.digest.DigestCredentials;
import dev.parley.testkit.ParleyProcess;
import dev.parley.testkit.RawSip;
import dev.parley.testkit.TestConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Password guessing against the registrar of a running Parley (SIP 15273), over raw UDP: ten wrong
 * answers to the digest challenge lock the source out, after which it is refused 403 without a
 * challenge, and even the right password from it is refused.
 */
class DigestLockoutIT {
    private static final int SIP_PORT = 15273;
    private static final Pattern NONCE = Pattern.compile("nonce=\"([^\"]+)\"");
    private static final Duration ANSWER = Duration.ofSeconds(5);
    private int cseq = 1;

    @Test
    void tenWrongPasswordsLockTheSourceOutEvenForTheRightOne() throws Exception {
        Path dir = ItSupport.outDir(getClass(), "lockout");
        TestConfig config = TestConfig.forPort(SIP_PORT).withoutSounds()
                .withTopLevel("extensions:\n  '1001': { password: 'right-one', name: 'Alice' }\n");
        try (ParleyProcess server = ParleyProcess.start(config.writeTo(dir), dir.resolve("parley.log"), Duration.ofSeconds(120));
                RawSip guesser = RawSip.open(0)) {
            String firstNonce = null;
            for (int guess = 0; guess < 10; guess++) {
                String challenge = register(guesser, null);
                assertThat(RawSip.statusCode(challenge)).as("guess %d is challenged", guess).isEqualTo(401);
                String nonce = nonce(challenge);
                if (firstNonce == null) firstNonce = nonce;
                String refused = register(guesser, authorization(nonce, "guess-" + guess));
                assertThat(RawSip.statusCode(refused)).as("guess %d", guess).isEqualTo(403);
            }
            assertThat(RawSip.statusCode(register(guesser, null))).as("locked out: no challenge any more").isEqualTo(403);
            assertThat(RawSip.statusCode(register(guesser, authorization(firstNonce, "right-one"))))
                    .as("the right password from a locked-out source").isEqualTo(403);
            assertThat(server.isAlive()).isTrue();
        }
        assertThat(java.nio.file.Files.readString(dir.resolve("parley.log"))).contains("locked out after repeated wrong credentials");
    }

    private String register(RawSip raw, String authorization) throws Exception {
        int n = cseq++;
        String callId = "guess-" + n + "@lockout";
        raw.send("REGISTER sip:127.0.0.1:" + SIP_PORT + " SIP/2.0\r\n"
                + "Via: SIP/2.0/UDP 127.0.0.1:" + raw.localPort() + ";branch=z9hG4bK-lock-" + n + ";rport\r\n"
                + "Max-Forwards: 70\r\nFrom: <sip:1001@127.0.0.1>;tag=g" + n + "\r\nTo: <sip:1001@127.0.0.1>\r\n"
                + "Call-ID: " + callId + "\r\nCSeq: " + n + " REGISTER\r\n"
                + "Contact: <sip:1001@127.0.0.1:" + raw.localPort() + ">\r\nExpires: 300\r\n"
                + (authorization == null ? "" : "Authorization: " + authorization + "\r\n")
                + "Content-Length: 0\r\n\r\n", SIP_PORT);
        return raw.await(m -> m.contains(callId) && RawSip.statusCode(m) >= 200, ANSWER)
                .orElseThrow(() -> new AssertionError("no answer to REGISTER " + n + "; got " + raw.received()));
    }

    private static String nonce(String challenge) {
        Matcher m = NONCE.matcher(RawSip.header(challenge, "WWW-Authenticate"));
        assertThat(m.find()).as("a nonce in %s", challenge).isTrue();
        return m.group(1);
    }

    private static String authorization(String nonce, String password) {
        String uri = "sip:127.0.0.1:" + SIP_PORT;
        DigestCredentials c = new DigestCredentials("1001", "parley", nonce, uri, null, "MD5", "auth", "00000001", "0a4f113b", null);
        String response = Digest.response(DigestAlgorithm.MD5, c, "REGISTER", password);
        return "Digest username=\"1001\", realm=\"parley\", nonce=\"" + nonce + "\", uri=\"" + uri + "\", response=\""
                + response + "\", algorithm=MD5, qop=auth, nc=00000001, cnonce=\"0a4f113b\"";
    }
}
