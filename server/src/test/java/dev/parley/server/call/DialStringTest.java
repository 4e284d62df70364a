package dev.parley.server.call;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import dev.parley.server.config.MemberFlag;
import dev.parley.server.config.SrtpMode;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DialStringTest {
  @Test
  void theThreeFormsOfTheSeeds() {
    assertThat(DialString.parse("user/1004").target()).isEqualTo(new DialString.Target.Extension("1004"));
    assertThat(DialString.parse("gateway/trunk/+4930123").target()).isEqualTo(new DialString.Target.Gateway("trunk", "+4930123"));
    assertThat(DialString.parse("sip:bob@192.0.2.7:5060").target()).isEqualTo(new DialString.Target.Uri("sip:bob@192.0.2.7:5060"));
  }

  @Test
  void variablesGiveCallerIdTimeoutFlagsAndHeaders() {
    DialString d = DialString.parse("{caller-id-name=Sales,origination_caller_id_number=2001,call_timeout=20,"
        + "flags=muted|endconf,sip_h_X-Room=sales,header:X-Other=1}user/1004");
    assertThat(d.callerIdName()).isEqualTo("Sales");
    assertThat(d.callerIdNumber()).isEqualTo("2001");
    assertThat(d.timeout()).isEqualTo(Duration.ofSeconds(20));
    assertThat(d.flags()).isEqualTo(Set.of(MemberFlag.MUTED, MemberFlag.END_CONFERENCE));
    assertThat(d.headers()).isEqualTo(Map.of("X-Room", "sales", "X-Other", "1"));
  }

  @Test
  void withoutVariablesTheDefaultsApply() {
    DialString d = DialString.parse("user/1004");
    assertThat(d.timeout()).isEqualTo(DialString.DEFAULT_TIMEOUT);
    assertThat(d.flags()).isEmpty();
    assertThat(d.callerIdNumber()).isNull();
    assertThat(d.srtp()).as("the room's SRTP policy").isNull();
  }

  @Test
  void srtpVariableOverridesTheRoomsPolicyForOneCall() {
    assertThat(DialString.parse("{srtp=required}user/1004").srtp()).isEqualTo(SrtpMode.REQUIRED);
    assertThat(DialString.parse("{timeout=20, srtp=Off}sip:bob@192.0.2.7").srtp()).isEqualTo(SrtpMode.OFF);
    assertThatIllegalArgumentException().isThrownBy(() -> DialString.parse("{srtp=maybe}user/1004"))
        .withMessageContaining("srtp must be required, optional or off, got 'maybe'").withMessageContaining("user/1004");
  }

  @Test
  void malformedDialStringsSayWhatIsWrong() {
    assertThatIllegalArgumentException().isThrownBy(() -> DialString.parse("phone/1004")).withMessageContaining("not a dial string");
    assertThatIllegalArgumentException().isThrownBy(() -> DialString.parse("{timeout=30 user/1004")).withMessageContaining("without '}'");
    assertThatIllegalArgumentException().isThrownBy(() -> DialString.parse("{color=red}user/1004")).withMessageContaining("unknown variable 'color'");
    assertThatIllegalArgumentException().isThrownBy(() -> DialString.parse("{timeout=soon}user/1004")).withMessageContaining("whole seconds");
    assertThatIllegalArgumentException().isThrownBy(() -> DialString.parse("{flags=loud}user/1004")).withMessageContaining("unknown member flag");
  }
}
