package dev.parley.server.app;

import dev.parley.server.config.ConfigException;
import dev.parley.server.config.ServerConfig;
import dev.parley.server.store.BillingRecord;
import dev.parley.server.store.BillingRecords;
import dev.parley.server.store.CdrCsv;
import dev.parley.server.store.Database;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code parley cdr}: the billing records of the configured database, read directly (the server need not
 * run), as a table or as CSV.
 */
@Command(name = "cdr", description = "Print billing records (one per member per room) from the database.")
final class CdrCommand implements Callable<Integer> {
  @Mixin ConfigOption config;

  @Option(names = "--room", paramLabel = "ROOM", description = "only this room")
  String room;

  @Option(names = "--from", paramLabel = "TIME",
      description = "records still open at or after TIME: 2025-01-31, 2025-01-31T10:00 (UTC) or an ISO instant")
  String from;

  @Option(names = "--to", paramLabel = "TIME", description = "records that began before TIME (same forms)")
  String to;

  @Option(names = "--csv", description = "CSV with a header line (RFC 4180)")
  boolean csv;

  @Override
  public Integer call() {
    ServerConfig c;
    try {
      c = config.load();
    } catch (ConfigException e) {
      System.err.println("parley: invalid configuration: " + e.getMessage());
      return 2;
    }
    Instant fromTime;
    Instant toTime;
    try {
      fromTime = time(from);
      toTime = time(to);
    } catch (DateTimeParseException e) {
      System.err.println("parley cdr: " + e.getMessage());
      return 2;
    }
    try (Database db = Database.open(c.storage(), System.getenv())) {
      List<BillingRecord> records = new BillingRecords(db).query(room, fromTime, toTime);
      if (csv) {
        System.out.print(CdrCsv.format(records));
      } else {
        System.out.printf("%-12s %6s %-24s %-24s %-10s %-16s%n", "room", "member", "caller", "joined", "seconds", "reason");
        for (BillingRecord r : records) {
          System.out.printf("%-12s %6d %-24s %-24s %-10s %-16s%n", r.room(), r.memberId(), r.callerNumber(), r.joinedAt(),
              r.durationMillis() == null ? "open" : String.format("%.1f", r.durationMillis() / 1000.0),
              r.leaveReason() == null ? "" : r.leaveReason());
        }
      }
      return 0;
    } catch (Database.StoreException | java.sql.SQLException e) {
      System.err.println("parley cdr: " + e.getMessage());
      return 1;
    }
  }

  static Instant time(String text) {
    return dev.parley.server.store.TimeBound.parse(text);
  }
}
