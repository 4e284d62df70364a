package dev.parley.server.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.parley.media.audio.Prompt;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import org.junit.jupiter.api.Test;

/** Play requests as JSON: sounds, tones in their three forms, lists of items, modes, and the errors. */
class PlayRequestTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  /** The contract of {@link SoundCatalog#load}: a bad name, a missing sound, a broken file. */
  private final PlayRequest play = new PlayRequest((ref, rate) -> {
    if (ref.equals("file:../etc/passwd")) throw new IllegalArgumentException("'../etc/passwd' names a path");
    if (ref.equals("file:broken.wav")) throw new IOException("broken.wav: not a RIFF/WAVE file");
    if (!ref.equals("builtin:enter") && !ref.equals("file:welcome.wav")) throw new NoSuchFileException(ref);
    return new Prompt(ref, rate, new short[rate / 2]);
  });

  private void failsWith(String json, int status, String code, String message) {
    assertThatThrownBy(() -> parse(json)).isInstanceOfSatisfying(ApiException.class, e -> {
      assertThat(e.status()).isEqualTo(status);
      assertThat(e.code()).isEqualTo(code);
      assertThat(e.getMessage()).contains(message);
    });
  }

  @Test
  void anAnnouncementFileIsPlayedByNameAndEachWayItCanFailHasItsOwnAnswer() throws Exception {
    PlayRequest.Play p = parse("{\"items\": [{\"sound\": \"file:welcome.wav\"}, {\"sound\": \"builtin:enter\"}]}");
    assertThat(p.tag()).isEqualTo("file:welcome.wav builtin:enter");
    assertThat(p.durationMillis()).isEqualTo(1000);
    failsWith("{\"sound\": \"file:../etc/passwd\"}", 400, "bad_request", "sound: '../etc/passwd' names a path");
    failsWith("{\"items\": [{\"sound\": \"file:missing.wav\"}]}", 404, "sound_not_found",
        "items[0].sound: no file 'missing.wav' in the announcements directory");
    failsWith("{\"sound\": \"file:broken.wav\"}", 422, "bad_sound", "broken.wav: not a RIFF/WAVE file");
    failsWith("{\"sound\": \"/etc/passwd\"}", 400, "bad_request", "sound must be builtin:NAME or file:NAME");
  }

  private PlayRequest.Play parse(String json) throws Exception {
    return play.fromRequest((ObjectNode) JSON.readTree(json), 8000);
  }

  private void rejects(String json, String message) {
    assertThatThrownBy(() -> parse(json)).isInstanceOf(ApiException.class).hasMessageContaining(message);
  }

  @Test
  void aToneSequenceAsTextBecomesOnePromptPerStepAtTheRoomsRate() throws Exception {
    PlayRequest.Play p = parse("{\"tone\": \"350+440/500, 0/250,440/100\"}");
    assertThat(p.prompts()).hasSize(3);
    assertThat(p.prompts()).allSatisfy(x -> assertThat(x.rateHz()).isEqualTo(8000));
    assertThat(p.prompts().get(0).length()).isEqualTo(4000);
    assertThat(p.prompts().get(1).sample(100)).as("0/250 is silence").isZero();
    assertThat(p.durationMillis()).isEqualTo(850);
    assertThat(p.tag()).isEqualTo("tone:350+440/500,0/250,440/100");
    assertThat(p.interrupt()).as("queued unless asked").isFalse();
  }

  @Test
  void aListOfStepsAndItemsWithASoundPlayInTheOrderGiven() throws Exception {
    PlayRequest.Play p = parse("{\"mode\": \"interrupt\", \"items\": [{\"sound\": \"builtin:enter\"},"
        + " {\"tone\": [{\"frequencyHz\": 600, \"durationMillis\": 200}, {\"frequencyHz\": 0, \"durationMillis\": 100}]}]}");
    assertThat(p.interrupt()).isTrue();
    assertThat(p.prompts()).extracting(Prompt::name).first().isEqualTo("builtin:enter");
    assertThat(p.prompts()).hasSize(3);
    assertThat(p.tag()).isEqualTo("builtin:enter tone:600/200,0/100");
    assertThat(p.durationMillis()).isEqualTo(800);
  }

  @Test
  void theSingleToneObjectStillWorks() throws Exception {
    PlayRequest.Play p = parse("{\"tone\": {\"frequencyHz\": 440, \"durationMillis\": 300, \"levelDbfs\": -6}}");
    assertThat(p.prompts()).hasSize(1);
    int peak = 0;
    for (int i = 0; i < p.prompts().get(0).length(); i++) peak = Math.max(peak, Math.abs(p.prompts().get(0).sample(i)));
    assertThat(20 * Math.log10(peak / 32767.0)).isCloseTo(-6, org.assertj.core.data.Offset.offset(0.2));
  }

  @Test
  void badRequestsNameWhatIsWrong() {
    rejects("{}", "give either sound");
    rejects("{\"tone\": \"440/500,abc\"}", "step 2 'abc' is not FREQ/MILLIS");
    rejects("{\"tone\": \"5000/500\"}", "step 1 (5000/500): a frequency is 20 Hz to below 4000 Hz");
    rejects("{\"tone\": \"440/61000\"}", "longer than 60000 ms");
    rejects("{\"tone\": \"440/100\", \"mode\": \"later\"}", "mode must be queue or interrupt");
    rejects("{\"items\": []}", "items must be a list of 1 to 20");
    rejects("{\"items\": [{\"sound\": \"/etc/passwd\"}]}", "items[0].sound must be builtin:NAME or file:NAME");
    rejects("{\"items\": [{}]}", "items[0] needs either sound or tone");
    rejects("{\"tone\": [{\"durationMillis\": 100}]}", "tone[0].frequencyHz is required");
    rejects("{\"sound\": \"builtin:enter\", \"items\": [{\"sound\": \"builtin:enter\"}]}", "not both");
    assertThatThrownBy(() -> parse("{\"sound\": \"builtin:nope\"}")).hasMessageContaining("no built-in sound");
  }
}
