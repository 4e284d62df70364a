package dev.parley.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonTest {

    @Test
    void parsesABaresipEventWithNestedStats() {
        Map<String, Object> m = Json.parseObject("""
                {"event":true,"class":"call","type":"CALL_RTCP","param":"a \\"b\\"\\u0041",\
                "rtcp_stats":{"tx":{"sent":200,"lost":0},"rx":{"jit":1.5e-3}},"list":[1,null,false]}""");

        assertThat(m.get("event")).isEqualTo(true);
        assertThat(m.get("type")).isEqualTo("CALL_RTCP");
        assertThat(m.get("param")).isEqualTo("a \"b\"A");
        assertThat(((Map<?, ?>) ((Map<?, ?>) m.get("rtcp_stats")).get("tx")).get("sent")).isEqualTo(200.0);
        assertThat(m.get("list")).isEqualTo(java.util.Arrays.asList(1.0, null, false));
    }

    @Test
    void quoteEscapesWhatJsonRequires() {
        String q = Json.quote("sip:\"x\"\\\n\u0001");
        assertThat(q).isEqualTo("\"sip:\\\"x\\\"\\\\\\n\\u0001\"");
        assertThat(Json.parse(q)).isEqualTo("sip:\"x\"\\\n\u0001");
    }

    @Test
    void malformedInputIsRejected() {
        assertThatThrownBy(() -> Json.parse("{\"a\":1")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Json.parse("{\"a\":1} x")).isInstanceOf(IllegalArgumentException.class);
    }
}
