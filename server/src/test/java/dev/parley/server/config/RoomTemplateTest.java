package dev.parley.server.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class RoomTemplateTest {

    private static String expand(String template, String regex, String input) {
        Pattern p = Pattern.compile(regex);
        Matcher m = p.matcher(input);
        assertThat(m.find()).isTrue();
        return RoomTemplate.parse(template, p).expand(m);
    }

    @Test
    void numberedBracedAndNamedGroupsAreFilledIn() {
        assertThat(expand("r-$2-$1", "^(\\d\\d)(\\d\\d)$", "1234")).isEqualTo("r-34-12");
        assertThat(expand("conf-${1}0", "^(\\d+)$", "42")).isEqualTo("conf-420");
        assertThat(expand("ext-${ext}", "^(?<ext>\\d+)$", "7001")).isEqualTo("ext-7001");
        assertThat(expand("$0", "\\d{3}", "call 800 now")).isEqualTo("800");
    }

    @Test
    void groupsPastNineNeedBraces() {
        String regex = "(a)(b)(c)(d)(e)(f)(g)(h)(i)(j)";
        assertThat(expand("${10}", regex, "abcdefghij")).isEqualTo("j");
        assertThat(expand("$10", regex, "abcdefghij")).isEqualTo("a0");
    }

    @Test
    void aGroupThatDidNotTakePartInsertsNothing() {
        assertThat(expand("r$1$2", "^(\\d+)(#)?$", "12")).isEqualTo("r12");
    }

    @Test
    void malformedTemplatesAreRejectedWithAReason() {
        Pattern one = Pattern.compile("^(\\d+)$");
        assertThatIllegalArgumentException().isThrownBy(() -> RoomTemplate.parse("", one))
                .withMessage("empty room name");
        assertThatIllegalArgumentException().isThrownBy(() -> RoomTemplate.parse("room-$", one))
                .withMessage("'$' must be followed by a group number or {name}, as in $1 or ${1}");
        assertThatIllegalArgumentException().isThrownBy(() -> RoomTemplate.parse("room-$x", one))
                .withMessage("'$' must be followed by a group number or {name}, as in $1 or ${1}");
        assertThatIllegalArgumentException().isThrownBy(() -> RoomTemplate.parse("${a-b}", one))
                .withMessage("'${a-b}' is neither a group number nor a group name");
        assertThatIllegalArgumentException().isThrownBy(() -> RoomTemplate.parse("$3", Pattern.compile("(a)(b)")))
                .withMessage("refers to $3 but the match has only 2 capture groups");
        assertThatIllegalArgumentException().isThrownBy(() -> RoomTemplate.parse(".hidden", one))
                .withMessageStartingWith("'.hidden' is not a valid room name");
        assertThatIllegalArgumentException().isThrownBy(() -> RoomTemplate.parse("x".repeat(65), one))
                .withMessageContaining("is not a valid room name");
    }

    @Test
    void roomNamesAreShortAndSafeForPathsAndUrls() {
        assertThat(RoomTemplate.isValidRoomName("3000")).isTrue();
        assertThat(RoomTemplate.isValidRoomName("conf-3000_a.b+*#")).isTrue();
        assertThat(RoomTemplate.isValidRoomName("x".repeat(64))).isTrue();
        assertThat(RoomTemplate.isValidRoomName("")).isFalse();
        assertThat(RoomTemplate.isValidRoomName("x".repeat(65))).isFalse();
        assertThat(RoomTemplate.isValidRoomName("../etc")).isFalse();
        assertThat(RoomTemplate.isValidRoomName("-rf")).isFalse();
        assertThat(RoomTemplate.isValidRoomName("a/b")).isFalse();
        assertThat(RoomTemplate.isValidRoomName("a b")).isFalse();
    }
}
