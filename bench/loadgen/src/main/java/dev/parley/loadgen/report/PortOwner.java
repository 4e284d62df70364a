package dev.parley.loadgen.report;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalLong;

/**
 * Which process has a UDP port open, the way {@code ss -ulpn} finds it: the socket's inode from
 * {@code /proc/net/udp} (and {@code udp6}), then the process whose {@code /proc/PID/fd} links to
 * {@code socket:[inode]}. Reading other processes' fds needs the same user or root; without that
 * the owner is simply not found.
 */
public final class PortOwner {

  private PortOwner() {}

  public static OptionalLong pidOfUdpPort(int port) {
    long self = ProcessHandle.current().pid();
    for (String table : List.of("/proc/net/udp", "/proc/net/udp6")) {
      List<String> lines;
      try {
        lines = Files.readAllLines(Path.of(table));
      } catch (IOException e) {
        continue;
      }
      for (String line : lines.subList(Math.min(1, lines.size()), lines.size())) {
        long inode = inodeIfPort(line, port);
        if (inode <= 0) continue;
        OptionalLong pid = ownerOf(inode, self);
        if (pid.isPresent()) return pid;
      }
    }
    return OptionalLong.empty();
  }

  /** The inode of a {@code /proc/net/udp} row if its local port is {@code port}, else -1. */
  static long inodeIfPort(String row, int port) {
    String[] f = row.strip().split("\\s+");
    if (f.length < 10) return -1;
    String local = f[1];
    int colon = local.lastIndexOf(':');
    if (colon < 0) return -1;
    try {
      if (Integer.parseInt(local.substring(colon + 1), 16) != port) return -1;
      return Long.parseLong(f[9]);
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  private static OptionalLong ownerOf(long inode, long self) {
    String link = "socket:[" + inode + "]";
    try (DirectoryStream<Path> procs = Files.newDirectoryStream(Path.of("/proc"), p -> p.getFileName().toString().matches("\\d+"))) {
      for (Path p : procs) {
        long pid = Long.parseLong(p.getFileName().toString());
        if (pid == self) continue;
        try (DirectoryStream<Path> fds = Files.newDirectoryStream(p.resolve("fd"))) {
          for (Path fd : fds) {
            try {
              if (Files.readSymbolicLink(fd).toString().equals(link)) return OptionalLong.of(pid);
            } catch (IOException e) {
              // the fd closed while we looked
            }
          }
        } catch (IOException e) {
          // not ours to read, or gone
        }
      }
    } catch (IOException e) {
      return OptionalLong.empty();
    }
    return OptionalLong.empty();
  }
}
