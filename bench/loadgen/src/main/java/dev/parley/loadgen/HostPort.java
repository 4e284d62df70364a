package dev.parley.loadgen;

import java.net.InetSocketAddress;
import picocli.CommandLine;

/** Reads {@code host:port} options (IPv4 or a name; IPv6 as {@code [::1]:5060}). */
final class HostPort implements CommandLine.ITypeConverter<InetSocketAddress> {

  @Override
  public InetSocketAddress convert(String value) {
    int colon = value.lastIndexOf(':');
    if (colon <= 0) throw new CommandLine.TypeConversionException("want host:port, got '" + value + "'");
    String host = value.substring(0, colon);
    if (host.startsWith("[") && host.endsWith("]")) host = host.substring(1, host.length() - 1);
    try {
      return new InetSocketAddress(host, Integer.parseInt(value.substring(colon + 1)));
    } catch (IllegalArgumentException e) {
      throw new CommandLine.TypeConversionException("bad host:port '" + value + "': " + e.getMessage());
    }
  }
}
