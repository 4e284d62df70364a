package dev.parley.loadgen.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** What the receiver counts of a stream with a gap, a packet overtaken, a duplicate and a wrap of the sequence. */
class RtpReceiverTest {

  @Test
  void lossBySequenceCountsTheGapButNotTheLateOrDuplicatePackets() throws Exception {
    Call c = receive(new int[] {100, 101, 102, 103, 105, 105, 106, 108, 107, 109});
    assertThat(c.expectedBySequence()).isEqualTo(10);
    assertThat(c.lostBySequence()).as("104 never came").isEqualTo(1);
    assertThat(c.seqLateOrDuplicate()).as("107 after 108, 105 twice").isEqualTo(2);
    assertThat(c.receivedInWindow()).isEqualTo(10);
  }

  @Test
  void theSequenceWrapsWithoutLoss() throws Exception {
    Call c = receive(new int[] {65533, 65534, 65535, 0, 1, 2});
    assertThat(c.expectedBySequence()).isEqualTo(6);
    assertThat(c.lostBySequence()).isZero();
    assertThat(c.seqGaps()).isZero();
  }

  @Test
  void aStreamMissingItsMiddleLosesWhatIsMissing() throws Exception {
    Call c = receive(new int[] {10, 11, 40, 41});
    assertThat(c.expectedBySequence()).isEqualTo(32);
    assertThat(c.lostBySequence()).isEqualTo(28);
  }

  /** Sends RTP with these sequence numbers to a call's socket inside an open window; returns the call once all arrived. */
  private static Call receive(int[] seqs) throws Exception {
    try (DatagramChannel rx = DatagramChannel.open().bind(new InetSocketAddress("127.0.0.1", 0));
         DatagramChannel tx = DatagramChannel.open().bind(new InetSocketAddress("127.0.0.1", 0))) {
      Call c = new Call(0, 1, 0, rx, null, 1234);
      c.active = true;
      RtpReceiver receiver = new RtpReceiver(List.of(c), 0);
      Thread t = Thread.ofPlatform().start(receiver);
      receiver.openWindow();
      ByteBuffer b = ByteBuffer.allocate(172);
      for (int i = 0; i < seqs.length; i++) {
        b.clear();
        b.put((byte) 0x80).put((byte) 0).putShort((short) seqs[i]).putInt(seqs[i] * 160).putInt(99);
        b.position(172).flip();
        tx.send(b, rx.getLocalAddress());
      }
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
      while (c.receivedTotal() < seqs.length && System.nanoTime() < deadline) Thread.sleep(5);
      receiver.closeWindow();
      receiver.stop();
      t.join(2000);
      assertThat(c.receivedTotal()).as("every packet arrived").isEqualTo(seqs.length);
      return c;
    }
  }
}
