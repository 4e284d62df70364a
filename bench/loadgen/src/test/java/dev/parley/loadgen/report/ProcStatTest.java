package dev.parley.loadgen.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ProcStatTest {

  @Test
  void ticksAreUtimePlusStimeCountedAfterTheCommandNameEvenWithSpacesAndParentheses() {
    String stat = "4242 (my (odd) name) S 1 4242 4242 0 -1 4194304 100 0 0 0 123 45 0 0 20 0 30 0 1000 1 1";
    assertThat(ProcStat.parseTicks(stat)).isEqualTo(168);
  }

  @Test
  void thisProcessHasCpuTimeThreadsAndMemory() {
    assertThat(ProcStat.cpuTicks("self")).isGreaterThanOrEqualTo(0);
    assertThat(ProcStat.threadTicks("self")).isNotEmpty();
    assertThat(ProcStat.rssKib("self")).isPositive();
  }

  @Test
  void aProcessThatDoesNotExistReadsAsMinusOne() {
    assertThat(ProcStat.cpuTicks("999999999")).isEqualTo(-1);
    assertThat(ProcStat.rssKib("999999999")).isEqualTo(-1);
  }

  @Test
  void aUdpTableRowGivesItsInodeWhenThePortMatches() {
    String row = "  826: 0100007F:13C4 00000000:0000 07 00000000:00000000 00:00000000 00000000     0        0 123456 2 "
        + "0000000000000000 0";
    assertThat(PortOwner.inodeIfPort(row, 5060)).isEqualTo(123456);
    assertThat(PortOwner.inodeIfPort(row, 5061)).isEqualTo(-1);
  }
}
