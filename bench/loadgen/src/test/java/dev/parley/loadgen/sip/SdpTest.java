package dev.parley.loadgen.sip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SdpTest {

  @Test
  void theAudioTargetIsTheSessionAddressAndTheAudioPort() {
    String sdp = "v=0\r\nc=IN IP4 10.1.2.3\r\nm=audio 4000 RTP/AVP 0\r\n";
    assertThat(Sdp.audioTarget(sdp)).hasToString("/10.1.2.3:4000");
  }

  @Test
  void aMediaLevelAddressWinsOverTheSessionOne() {
    String sdp = "v=0\r\nc=IN IP4 10.0.0.1\r\nm=audio 4000 RTP/AVP 0\nc=IN IP4 10.0.0.2\r\n";
    assertThat(Sdp.audioTarget(sdp)).hasToString("/10.0.0.2:4000");
  }

  @Test
  void onlyTheFirstAudioStreamCountsAndVideoIsIgnored() {
    String sdp = "c=IN IP4 10.0.0.1\r\nm=video 5000 RTP/AVP 96\r\nc=IN IP4 10.9.9.9\r\nm=audio 4000/2 RTP/AVP 0\r\n"
        + "m=audio 6000 RTP/AVP 0\r\nc=IN IP4 10.8.8.8\r\n";
    assertThat(Sdp.audioTarget(sdp)).hasToString("/10.0.0.1:4000");
  }

  @Test
  void aRejectedOrMissingStreamIsAnError() {
    assertThatThrownBy(() -> Sdp.audioTarget("c=IN IP4 1.2.3.4\r\nm=audio 0 RTP/AVP 0\r\n")).hasMessageContaining("rejected");
    assertThatThrownBy(() -> Sdp.audioTarget("c=IN IP4 1.2.3.4\r\n")).hasMessageContaining("no m=audio");
    assertThatThrownBy(() -> Sdp.audioTarget("m=audio 4000 RTP/AVP 0\r\n")).hasMessageContaining("no c=");
  }

  @Test
  void theOfferIsPcmuAtTwentyMillisecondsAndReadsBack() {
    String offer = Sdp.pcmu("127.0.0.1", 40000, 7);
    assertThat(offer).contains("m=audio 40000 RTP/AVP 0\r\n", "a=rtpmap:0 PCMU/8000\r\n", "a=ptime:20\r\n");
    assertThat(Sdp.audioTarget(offer)).hasToString("/127.0.0.1:40000");
  }

  @Test
  void theOfferCarriesTelephoneEventOnlyWhenAsked() {
    String offer = Sdp.pcmu("127.0.0.1", 40000, 7, true);
    assertThat(offer).contains("m=audio 40000 RTP/AVP 0 101\r\n", "a=rtpmap:101 telephone-event/8000\r\n",
        "a=fmtp:101 0-15\r\n");
    assertThat(Sdp.audioTarget(offer)).hasToString("/127.0.0.1:40000");
    assertThat(Sdp.pcmu("127.0.0.1", 40000, 7, false)).doesNotContain("101").contains("m=audio 40000 RTP/AVP 0\r\n");
  }
}
