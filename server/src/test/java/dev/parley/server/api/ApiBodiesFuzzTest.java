package dev.parley.server.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.parley.media.audio.Prompt;
import dev.parley.media.mixer.Gains;
import dev.parley.testkit.fuzz.Fuzzer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Mutated request bodies through what the handlers do with them: {@link Bodies} (JSON object, then
 * each field checked) and {@link PlayRequest}. The only way out is an {@link ApiException}, which
 * the server turns into 400 {@code {"error": ...}}; anything else would be a 500.
 */
class ApiBodiesFuzzTest {
    private final ObjectMapper mapper = new ObjectMapper();
    private final PlayRequest play = new PlayRequest(new SoundLoader() {
        @Override
        public Prompt load(String reference, int rateHz) throws IOException {
            // The refusals of SoundCatalog.load: a name with a path, then a sound that is not there.
            if (reference.startsWith("file:") && reference.contains("/")) throw new IllegalArgumentException("names a path");
            throw new java.nio.file.NoSuchFileException(reference);
        }
    });

    @Test
    void anyBodyIsReadOrRefusedWithAnApiException() {
        Fuzzer.forCorpusOf(ApiBodiesFuzzTest.class)
                .dictionary(List.of("{", "}", "[", "]", "\"", ":", ",", "null", "true", "1e400", "-0", "\"talk\"",
                        "\"listen\"", "\"level\"", "\"sound\"", "\"tone\"", "\"frequencyHz\"", "\"durationMillis\"",
                        "\"levelDbfs\"", "\"builtin:enter\"", "\"file:../x.wav\"", "\"file:\"", "\\u0000", "NaN"))
                .rounds(10_000)
                .run(this::read);
    }

    private void read(byte[] input) {
        String text = new String(input, StandardCharsets.UTF_8);
        try {
            ObjectNode o = Bodies.object(text, mapper);
            Bodies.integer(o, "talk", Gains.MIN_STEP, Gains.MAX_STEP);
            Bodies.integer(o, "level", -1, 32767);
            Bodies.text(o, "sound");
            play.fromRequest(o, 8000);
        } catch (ApiException refused) {
            // 400 with a message
        }
    }
}
