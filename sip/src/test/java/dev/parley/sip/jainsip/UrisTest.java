package dev.parley.sip.jainsip;

import static org.assertj.core.api.Assertions.assertThat;

import gov.nist.javax.sip.address.AddressFactoryImpl;
import org.junit.jupiter.api.Test;

class UrisTest {
  private final AddressFactoryImpl addresses = new AddressFactoryImpl();

  @Test
  void escapesAreDecoded() throws Exception {
    assertThat(Uris.user(addresses.createURI("sip:3000%2A1234@example.com"))).isEqualTo("3000*1234");
    assertThat(Uris.user(addresses.createURI("sip:3000*1234@example.com"))).isEqualTo("3000*1234");
    assertThat(Uris.user(addresses.createURI("sips:%61lice@example.com"))).isEqualTo("alice");
  }

  @Test
  void telUrisGiveTheirNumber() throws Exception {
    assertThat(Uris.user(addresses.createURI("tel:+1-201-555-0123"))).isEqualTo("+1-201-555-0123");
    assertThat(Uris.user(addresses.createURI("tel:7042;phone-context=example.com"))).isEqualTo("7042");
  }

  @Test
  void noUserIsNull() throws Exception {
    assertThat(Uris.user(addresses.createURI("sip:example.com"))).isNull();
  }

  @Test
  void malformedEscapesAreLeftAlone() {
    assertThat(Uris.unescape("100%")).isEqualTo("100%");
    assertThat(Uris.unescape("%zz1")).isEqualTo("%zz1");
    assertThat(Uris.unescape("caf%C3%A9")).isEqualTo("café");
  }

  @Test
  void parseErrorsBecomeOneShortLine() {
    assertThat(TidyParserFactory.tidy("[C@6812c12d\nExpecting >>>/<<< got >>>i<<<")).isEqualTo("Expecting >>>/<<< got >>>i<<<");
    assertThat(TidyParserFactory.tidy("(" + "x".repeat(100) + ")")).hasSize(60);
    assertThat(TidyParserFactory.tidy(null)).isEqualTo("malformed message");
    assertThat(TidyParserFactory.tidy("\r\n\t")).isEqualTo("malformed message");
  }
}
