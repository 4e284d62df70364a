package dev.parley.server.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class CdrCsvTest {

  @Test
  void aRecordIsOneLineAfterTheHeaderWithCommasAndQuotesQuoted() {
    BillingRecord r = new BillingRecord("id1", "rs1", "3000", 2, "1001", "Smith, \"Al\"", "3000", "", "DIALLED_IN", "",
        Instant.parse("2025-03-01T10:00:00Z"), Instant.parse("2025-03-01T10:00:12.500Z"), null, 12_500L, "HUNG_UP",
        "PCMU/8000", "abc@host", true);
    String[] lines = CdrCsv.format(List.of(r)).split("\r\n");
    assertThat(lines[0]).startsWith("room,member_id,caller_number,caller_name,");
    assertThat(lines[1]).isEqualTo("3000,2,1001,\"Smith, \"\"Al\"\"\",3000,,DIALLED_IN,,2025-03-01T10:00:00Z,"
        + "2025-03-01T10:00:12.500Z,12.500,HUNG_UP,PCMU/8000,abc@host,true,rs1,id1");
  }
}
