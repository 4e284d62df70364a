package dev.parley.sip.registrar;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.sip.Binding;
import dev.parley.sip.RegistrarPolicy;
import dev.parley.sip.RegistrationListener;
import dev.parley.sip.registrar.RegisterOutcome.Accepted;
import dev.parley.sip.registrar.RegisterOutcome.Change.Kind;
import dev.parley.sip.registrar.RegisterRequest.Contact;
import dev.parley.sip.testing.FakeClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** RFC 3261 §10.3 on the table alone, with time passed in. */
class BindingTableTest {
  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
  private final FakeClock clock = new FakeClock(T0);
  private final BindingTable table = new BindingTable(
      new RegistrarPolicy(Duration.ofSeconds(60), Duration.ofSeconds(3600), Duration.ofSeconds(600), new RegistrationListener() {}),
      clock);

  private static RegisterRequest register(String callId, long cseq, long expiresHeader, Contact... contacts) {
    return new RegisterRequest("bob", callId, cseq, false, List.of(contacts), expiresHeader, "10.0.0.9", 40000, "udp");
  }

  private static Contact contact(String uri, long expires) {
    return new Contact(uri, expires);
  }

  private Accepted accepted(RegisterOutcome o) {
    assertThat(o).isInstanceOf(Accepted.class);
    return (Accepted) o;
  }

  @Test
  void registerBindsTheContactWithTheSourceAddressAndExpiry() {
    Accepted a = accepted(table.apply(register("c1", 1, 300, contact("sip:bob@192.168.1.2:5060", -1)), T0));
    Binding b = a.bindings().getFirst();
    assertThat(b.contactUri()).isEqualTo("sip:bob@192.168.1.2:5060");
    assertThat(b.sourceHost()).isEqualTo("10.0.0.9");
    assertThat(b.sourcePort()).isEqualTo(40000);
    assertThat(b.expiresAt()).isEqualTo(T0.plusSeconds(300));
    assertThat(a.changes()).extracting(c -> c.kind()).containsExactly(Kind.ADDED);
    assertThat(table.contacts("bob")).containsExactly(b);
    assertThat(table.users()).containsExactly("bob");
  }

  @Test
  void contactExpiresParameterWinsOverTheHeaderAndNeitherMeansTheDefault() {
    accepted(table.apply(register("c1", 1, 300, contact("sip:a@h", 120), contact("sip:b@h", -1)), T0));
    accepted(table.apply(register("c2", 1, -1, contact("sip:c@h", -1)), T0));
    assertThat(table.contacts("bob", T0)).extracting(Binding::contactUri, Binding::expiresAt).containsExactly(
        org.assertj.core.groups.Tuple.tuple("sip:c@h", T0.plusSeconds(600)),
        org.assertj.core.groups.Tuple.tuple("sip:b@h", T0.plusSeconds(300)),
        org.assertj.core.groups.Tuple.tuple("sip:a@h", T0.plusSeconds(120)));
  }

  @Test
  void tooBriefExpiryIsRefused423AndChangesNothing() {
    RegisterOutcome o = table.apply(register("c1", 1, 30, contact("sip:a@h", -1)), T0);
    assertThat(o).isEqualTo(new RegisterOutcome.TooBrief(60));
    assertThat(table.contacts("bob", T0)).isEmpty();
  }

  @Test
  void tooLongExpiryIsShortenedToTheMaximum() {
    Accepted a = accepted(table.apply(register("c1", 1, 86400, contact("sip:a@h", -1)), T0));
    assertThat(a.bindings().getFirst().expiresAt()).isEqualTo(T0.plusSeconds(3600));
  }

  @Test
  void bindingLapsesAtItsExpiryAndTheSweepReportsItOnce() {
    table.apply(register("c1", 1, 60, contact("sip:a@h", -1)), T0);
    assertThat(table.sweep(T0.plusSeconds(59))).isEmpty();
    assertThat(table.contacts("bob", T0.plusSeconds(59))).hasSize(1);
    assertThat(table.contacts("bob", T0.plusSeconds(60))).as("lapsed, though not swept yet").isEmpty();
    assertThat(table.sweep(T0.plusSeconds(60))).extracting(Binding::contactUri).containsExactly("sip:a@h");
    assertThat(table.sweep(T0.plusSeconds(61))).isEmpty();
    assertThat(table.users()).isEmpty();
  }

  @Test
  void lapseNoticedByTheNextRegisterIsReportedWithIt() {
    table.apply(register("c1", 1, 60, contact("sip:a@h", -1)), T0);
    Accepted a = accepted(table.apply(register("c1", 2, 60, contact("sip:a@h", -1)), T0.plusSeconds(70)));
    assertThat(a.changes()).extracting(c -> c.kind()).containsExactly(Kind.EXPIRED, Kind.ADDED);
    assertThat(table.sweep(T0.plusSeconds(71))).isEmpty();
  }

  @Test
  void refreshWithAHigherCSeqExtendsTheBinding() {
    table.apply(register("c1", 1, 60, contact("sip:a@h", -1)), T0);
    Accepted a = accepted(table.apply(register("c1", 2, 60, contact("sip:a@h", -1)), T0.plusSeconds(50)));
    assertThat(a.changes()).extracting(c -> c.kind()).containsExactly(Kind.REFRESHED);
    assertThat(a.bindings().getFirst().expiresAt()).isEqualTo(T0.plusSeconds(110));
  }

  @Test
  void sameCallIdWithAnOldCSeqFailsAsAWhole() {
    table.apply(register("c1", 5, 60, contact("sip:a@h", -1)), T0);
    RegisterOutcome o = table.apply(register("c1", 5, 0, contact("sip:b@h", 120), contact("sip:a@h", -1)), T0);
    assertThat(o).isInstanceOf(RegisterOutcome.Refused.class);
    assertThat(((RegisterOutcome.Refused) o).status()).isEqualTo(500);
    assertThat(table.contacts("bob", T0)).extracting(Binding::contactUri).containsExactly("sip:a@h");
  }

  @Test
  void anotherCallIdMayUpdateWhateverItsCSeq() {
    table.apply(register("c1", 5, 60, contact("sip:a@h", -1)), T0);
    accepted(table.apply(register("c2", 1, 120, contact("sip:a@h", -1)), T0));
    assertThat(table.contacts("bob", T0).getFirst().callId()).isEqualTo("c2");
  }

  @Test
  void expiresZeroRemovesOneContactAndKeepsTheOthers() {
    table.apply(register("c1", 1, 60, contact("sip:a@h", -1), contact("sip:b@h", -1)), T0);
    Accepted a = accepted(table.apply(register("c1", 2, -1, contact("sip:a@h", 0)), T0));
    assertThat(a.changes()).extracting(c -> c.kind()).containsExactly(Kind.REMOVED);
    assertThat(a.bindings()).extracting(Binding::contactUri).containsExactly("sip:b@h");
  }

  @Test
  void wildcardWithExpiresZeroRemovesEverything() {
    table.apply(register("c1", 1, 60, contact("sip:a@h", -1), contact("sip:b@h", -1)), T0);
    RegisterRequest star = new RegisterRequest("bob", "c9", 1, true, List.of(), 0, "10.0.0.9", 40000, "udp");
    Accepted a = accepted(table.apply(star, T0));
    assertThat(a.changes()).extracting(c -> c.kind()).containsExactly(Kind.REMOVED, Kind.REMOVED);
    assertThat(table.contacts("bob", T0)).isEmpty();
  }

  @Test
  void wildcardWithoutExpiresZeroIsRefused400() {
    RegisterRequest star = new RegisterRequest("bob", "c9", 1, true, List.of(), 60, "10.0.0.9", 40000, "udp");
    assertThat(table.apply(star, T0)).isEqualTo(new RegisterOutcome.Refused(400, "Contact * needs Expires 0 and no other Contact"));
  }

  @Test
  void registerWithoutContactFetchesTheBindings() {
    table.apply(register("c1", 1, 60, contact("sip:a@h", -1)), T0);
    Accepted a = accepted(table.apply(register("c7", 1, -1), T0.plusSeconds(10)));
    assertThat(a.changes()).isEmpty();
    assertThat(a.bindings()).extracting(Binding::contactUri).containsExactly("sip:a@h");
  }
}
