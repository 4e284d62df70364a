package dev.parley.server.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.parley.testkit.BaresipPeer;
import dev.parley.testkit.ParleyProcess;
import dev.parley.testkit.Sipp;
import dev.parley.testkit.TestConfig;
import dev.parley.testkit.Wav;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Calls Parley places into a room whose profile requires SRTP (issue #7), dialled over the API with
 * real peers. Room 3000 (default profile, {@code srtp: required}) is created held open; a plain
 * baresip joins it through the door {@code 3009} ({@code srtp: off}). Then the API dials:
 * <ul>
 *   <li>extension 1005, a baresip registered with {@code mediaenc=srtp-mand}: our offer is RTP/SAVP
 *       with SDES keys, it answers with its own, and its tone and the plain member's cross the room
 *       (baresip's srtp module drops whatever does not authenticate under our key, Parley drops
 *       whatever does not under baresip's, so hearing each other proves the transform both ways);
 *   <li>extension 1006, a plain baresip (no mediaenc): it never becomes a member and the invite fails;
 *   <li>a sipp callee that answers our SRTP offer in the clear: Parley hangs up with BYE and the invite
 *       fails with 488 and the reason.
 * </ul>
 * A dial string that asks a required room for {@code {srtp=off}} is refused with 400.
 *
 * <p>Ports: Parley SIP 15320, API 8640; baresip slots 97-99; sipp 5500, media 5502.
 */
class SecurePlacedCallIT {
    private static final int SIP_PORT = 15320;
    private static final int API_PORT = 8640;
    private static final int SIPP_PORT = 5500;
    private static final double MEMBER_HZ = 443, SECURE_HZ = 701;
    private static final double TONE_DBFS = -16;
    private static final Duration LIMIT = Duration.ofSeconds(15);
    private static final Duration TALK = Duration.ofSeconds(5);

    @Test
    void anSrtpRoomDialsSecurePeersInAndNeverFallsBackToPlain() throws Exception {
        Path dir = ItSupport.outDir(getClass(), "srtp-out");
        Path serverDir = dir.resolve("server");
        TestConfig config = TestConfig.forPort(SIP_PORT).withoutSounds().withLonely(false).withApiPort(API_PORT)
                .withProfileKey("srtp", "required")
                .withRoute("{ match: '^3009$', room: '3000', params: { srtp: 'off' } }")
                .withTopLevel("extensions:\n  '1005': { password: 'pw-1005' }\n  '1006': { password: 'pw-1006' }\n");
        BaresipPeer member = null, secure = null, plain = null;
        Timeline memberTime, secureTime;
        long talkFrom, talkTo;
        JsonNode plainFailed, clearFailed;
        Sipp.Result clear;
        try (ParleyProcess server = ItSupport.startServer(config, serverDir)) {
            ApiClient api = new ApiClient(API_PORT, ApiClient.generatedToken(serverDir));
            try (EventStreamClient events = new EventStreamClient(api, "")) {
                events.await(m -> type(m).equals("stream.hello"), "stream.hello", LIMIT);
                // Created by the API, the room has the default profile's policy whoever joins first.
                ApiClient.Reply created = api.post("/api/v1/rooms", "{\"name\": \"3000\", \"holdOpen\": true}");
                assertThat(created.status()).as("create: %s", created.body()).isEqualTo(201);
                try {
                    member = ItSupport.toneCaller(dir, 97, MEMBER_HZ, TONE_DBFS);
                    memberTime = Timeline.of(member.dialAndAwaitEstablished("sip:3009@127.0.0.1:" + SIP_PORT, LIMIT));
                    secure = BaresipPeer.start(BaresipPeer.Settings.slot(98, dir.resolve("ext1005"))
                                    .withSource(Wav.tone(8000, SECURE_HZ, 60, TONE_DBFS)).withCodecs("PCMU/8000/1")
                                    .withLifetime(Duration.ofSeconds(60)),
                            "<sip:1005@127.0.0.1>;auth_pass=pw-1005;outbound=\"sip:127.0.0.1:" + SIP_PORT
                                    + "\";regint=60;answermode=auto;audio_codecs=PCMU/8000/1;mediaenc=srtp-mand");
                    plain = ItSupport.extension(dir, 99, "1006", Wav.tone(8000, 1109, 60, TONE_DBFS), SIP_PORT, "auto");
                    server.awaitLog("extension 1005 registered", LIMIT);
                    server.awaitLog("extension 1006 registered", LIMIT);

                    // The secure extension joins, keyed by SDES, and is heard.
                    String secureInvite = dial(api, "user/1005");
                    secureTime = Timeline.of(secure.awaitEvent("CALL_ESTABLISHED", LIMIT));
                    events.await(m -> isInvite(m, secureInvite, "invite.answered"), "invite.answered of 1005", LIMIT);
                    talkFrom = System.nanoTime();
                    ItSupport.letAudioFlow(TALK);
                    talkTo = System.nanoTime();

                    // The plain extension cannot take the SRTP offer: no member, a failed invite.
                    String plainInvite = dial(api, "user/1006");
                    plainFailed = events.await(m -> isInvite(m, plainInvite, "invite.failed"), "invite.failed of 1006", LIMIT);

                    // A callee answering in the clear is hung up at once, with the reason.
                    try (Sipp callee = Sipp.scenario(ItSupport.resource("sipp/uas-plain-answer-to-savp.xml"), dir.resolve("sipp"))
                            .target((String) null).sipPort(SIPP_PORT).mediaPort(SIPP_PORT + 2).timeout(Duration.ofSeconds(30))
                            .start()) {
                        String clearInvite = dial(api, "sip:plain@127.0.0.1:" + SIPP_PORT);
                        clearFailed = events.await(m -> isInvite(m, clearInvite, "invite.failed"), "invite.failed of sipp", LIMIT);
                        clear = callee.await();
                    }

                    // A dial string may not take a call into this room in the clear.
                    ApiClient.Reply weakened = api.post("/api/v1/rooms/3000/invites", "{\"dialString\": \"{srtp=off}user/1006\"}");
                    assertThat(weakened.status()).as("%s", weakened.body()).isEqualTo(400);
                    assertThat(weakened.body().at("/error/message").asText()).contains("room 3000 requires SRTP");

                    JsonNode members = api.get("/api/v1/rooms/3000/members").body();
                    assertThat(members.toString()).as("members of 3000: %s", members).doesNotContain("1006").doesNotContain("plain@");
                    assertThat(api.get("/api/v1/rooms/3000").body().path("memberCount").asInt())
                            .as("the plain member and the secure extension only").isEqualTo(2);
                    assertThat(secure.events()).as("the secure extension still in the call")
                            .noneMatch(e -> e.type().equals("CALL_CLOSED"));
                    secure.hangup();
                    member.hangup();
                    secure.awaitEvent("CALL_CLOSED", LIMIT);
                    member.awaitEvent("CALL_CLOSED", LIMIT);
                } finally {
                    for (BaresipPeer p : new BaresipPeer[] {member, secure, plain}) if (p != null) p.close();
                }
            }
            assertThat(server.isAlive()).isTrue();
            assertThat(server.log()).as("the clear answer is refused with the reason")
                    .contains("200 without a usable SDP answer (SRTP required)");
        }

        assertThat(secure.log()).as("our offer to the secure extension").contains("RTP/SAVP").contains("a=crypto:");
        assertThat(plain.events()).as("the plain extension never carries audio in the room")
                .noneMatch(e -> e.type().equals("CALL_RTPESTAB"));
        assertThat(plainFailed.path("status").asInt()).as("baresip refuses RTP/SAVP without mediaenc; %s", plainFailed).isEqualTo(488);
        assertThat(clear.succeeded()).as("sipp saw an RTP/SAVP offer with a key, then our BYE; " + clear.describe()).isTrue();
        assertThat(clearFailed.path("status").asInt()).as("%s", clearFailed).isEqualTo(488);
        assertThat(clearFailed.path("statusText").asText()).as("%s", clearFailed)
                .contains("SRTP is required and the answer has no a=crypto line");

        assertHears(secure, secureTime, MEMBER_HZ, SECURE_HZ, talkFrom, talkTo);
        assertHears(member, memberTime, SECURE_HZ, MEMBER_HZ, talkFrom, talkTo);
    }

    /** Places an invite over the API; its id. */
    private static String dial(ApiClient api, String dialString) {
        ApiClient.Reply r = api.post("/api/v1/rooms/3000/invites", "{\"dialString\": \"" + dialString + "\"}");
        assertThat(r.status()).as("dial %s: %s", dialString, r.body()).isEqualTo(201);
        return r.body().path("invite").asText();
    }

    /** Hears the other's tone while both talked, and not its own (mix-minus). */
    private static void assertHears(BaresipPeer p, Timeline t, double otherHz, double ownHz, long from, long to)
            throws Exception {
        Wav heard = p.heard();
        double other = t.levelDb(heard, otherHz, from, 0.5, to, 0);
        double own = t.peakDb(heard, ownHz, from, 0.5, to, 0);
        String what = String.format("%s heard %.0f Hz at %.1f dBFS and its own %.0f Hz at peak %.1f dBFS in %s",
                p, otherHz, other, ownHz, own, p.heardFile().orElseThrow());
        assertThat(other).as("the other side audible; " + what).isGreaterThan(-35);
        assertThat(own).as("own tone absent; " + what).isLessThan(-50);
    }

    private static String type(JsonNode m) {
        return m.path("type").asText();
    }

    private static boolean isInvite(JsonNode m, String id, String type) {
        return type(m).equals(type) && m.path("invite").asText().equals(id);
    }
}
