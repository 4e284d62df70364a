package dev.parley.sip.it;

import dev.parley.sip.IncomingCall;
import dev.parley.sip.sdp.AudioFormat;
import dev.parley.sip.sdp.NoCommonCodecException;
import dev.parley.sip.sdp.OfferAnswer;
import dev.parley.sip.sdp.SdpException;
import dev.parley.sip.sdp.SdpParser;
import dev.parley.sip.testing.RecordingHandler;
import dev.parley.sip.testing.RecordingListener;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The call handler the SIPp scenarios talk to. By dialled user: {@code ring} only rings (to be
 * cancelled); {@code hangup} answers and hangs up 500 ms after the ACK; anything else rings and
 * answers. Answers and re-INVITE answers come from {@link OfferAnswer} with PCMU and PCMA.
 */
final class AnsweringHandler {
  private AnsweringHandler() {}

  static final List<AudioFormat> CODECS = List.of(AudioFormat.PCMU, AudioFormat.PCMA);
  static final int MEDIA_PORT = 40_000;

  static RecordingHandler create() {
    return new RecordingHandler(AnsweringHandler::handle);
  }

  private static void handle(IncomingCall call, RecordingListener listener) {
    AtomicInteger version = new AtomicInteger(1);
    listener.answeringReinvites(offer -> sdpFor(offer, version.incrementAndGet()));
    call.setListener(listener);
    call.ringing();
    if ("ring".equals(call.requestUser())) return;
    call.answer(sdpFor(call.offerSdp(), 1));
    if ("hangup".equals(call.requestUser())) {
      long deadline = System.nanoTime() + 10_000_000_000L;
      while (listener.texts().stream().noneMatch(t -> t.startsWith("ack")) && System.nanoTime() < deadline) {
        sleep(20);
      }
      sleep(500);
      call.hangup();
    }
  }

  /** Our answer to an offer, or our offer when there is none. */
  private static String sdpFor(String offer, int version) {
    if (offer == null) return OfferAnswer.offer(CODECS, "127.0.0.1", MEDIA_PORT, 42, version);
    try {
      return OfferAnswer.answer(SdpParser.parse(offer), CODECS, "127.0.0.1", MEDIA_PORT, 42, version).sdp();
    } catch (SdpException | NoCommonCodecException e) {
      return null;
    }
  }

  private static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
