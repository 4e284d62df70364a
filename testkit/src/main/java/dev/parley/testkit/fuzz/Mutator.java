package dev.parley.testkit.fuzz;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * AFL-style byte mutations, stacked 1..8 at a time: bit flips, interesting bytes, inserted and
 * deleted runs, a run repeated many times (thousands of lines or headers), splices of two inputs,
 * dictionary tokens, and numbers replaced by boundary values. Seeded, so a run reproduces.
 */
final class Mutator {
  private static final byte[] INTERESTING = {0, 1, 0x7F, (byte) 0x80, (byte) 0xFF, '\r', '\n', ' ', '\t', ':', ';', '=',
      ',', '/', '<', '>', '"', '\\', '%', '@', '-', '0', '9'};
  private static final List<byte[]> NUMBERS = List.of("0", "-1", "65535", "65536", "2147483647", "2147483648",
      "-2147483649", "99999999999999999999", "1e309", "NaN", "00000000001").stream()
      .map(s -> s.getBytes(StandardCharsets.US_ASCII)).toList();
  /** Inputs never grow past this, so a run's memory is bounded. */
  static final int MAX_LENGTH = 256 * 1024;

  private final Random random;
  private final List<byte[]> dictionary;

  Mutator(Random random, List<String> dictionary) {
    this.random = random;
    this.dictionary = dictionary.stream().map(s -> s.getBytes(StandardCharsets.UTF_8)).toList();
  }

  byte[] mutate(byte[] input, byte[] other) {
    byte[] b = input;
    int stack = 1 + random.nextInt(8);
    for (int i = 0; i < stack; i++) b = once(b, other);
    return b.length > MAX_LENGTH ? Arrays.copyOf(b, MAX_LENGTH) : b;
  }

  private byte[] once(byte[] b, byte[] other) {
    int len = b.length;
    switch (random.nextInt(10)) {
      case 0 -> {
        if (len == 0) return insert(b, 0, new byte[] {(byte) random.nextInt(256)});
        byte[] c = b.clone();
        c[random.nextInt(len)] ^= (byte) (1 << random.nextInt(8));
        return c;
      }
      case 1 -> {
        if (len == 0) return b;
        byte[] c = b.clone();
        c[random.nextInt(len)] = INTERESTING[random.nextInt(INTERESTING.length)];
        return c;
      }
      case 2 -> {
        byte[] junk = new byte[1 + random.nextInt(16)];
        random.nextBytes(junk);
        return insert(b, random.nextInt(len + 1), junk);
      }
      case 3 -> {
        if (len == 0) return b;
        int from = random.nextInt(len);
        int n = 1 + random.nextInt(Math.min(len - from, 64));
        return delete(b, from, n);
      }
      case 4 -> {
        // A run (often a line) repeated: thousands of headers, SDP lines, list items.
        if (len == 0) return b;
        int from = random.nextInt(len);
        int n = 1 + random.nextInt(Math.min(len - from, 80));
        int times = random.nextInt(4) == 0 ? 500 + random.nextInt(3000) : 2 + random.nextInt(8);
        byte[] run = new byte[n * times];
        for (int t = 0; t < times; t++) System.arraycopy(b, from, run, t * n, n);
        return insert(b, from, run);
      }
      case 5 -> {
        if (other == null || other.length == 0) return b;
        int cut = random.nextInt(len + 1);
        int otherCut = random.nextInt(other.length + 1);
        byte[] c = Arrays.copyOf(b, cut + other.length - otherCut);
        System.arraycopy(other, otherCut, c, cut, other.length - otherCut);
        return c;
      }
      case 6 -> {
        if (dictionary.isEmpty()) return b;
        return insert(b, random.nextInt(len + 1), dictionary.get(random.nextInt(dictionary.size())));
      }
      case 7 -> {
        return replaceNumber(b);
      }
      case 8 -> {
        return len == 0 ? b : Arrays.copyOf(b, random.nextInt(len));
      }
      default -> {
        if (len < 2) return b;
        byte[] c = b.clone();
        int i = random.nextInt(len);
        int j = random.nextInt(len);
        byte t = c[i];
        c[i] = c[j];
        c[j] = t;
        return c;
      }
    }
  }

  /** The run of digits at a random place, replaced by a boundary value. */
  private byte[] replaceNumber(byte[] b) {
    int start = -1;
    for (int tries = 0; tries < 8 && start < 0 && b.length > 0; tries++) {
      int i = random.nextInt(b.length);
      if (b[i] >= '0' && b[i] <= '9') start = i;
    }
    if (start < 0) return b;
    while (start > 0 && b[start - 1] >= '0' && b[start - 1] <= '9') start--;
    int end = start;
    while (end < b.length && b[end] >= '0' && b[end] <= '9') end++;
    return insert(delete(b, start, end - start), start, NUMBERS.get(random.nextInt(NUMBERS.size())));
  }

  private static byte[] insert(byte[] b, int at, byte[] what) {
    byte[] c = new byte[b.length + what.length];
    System.arraycopy(b, 0, c, 0, at);
    System.arraycopy(what, 0, c, at, what.length);
    System.arraycopy(b, at, c, at + what.length, b.length - at);
    return c;
  }

  private static byte[] delete(byte[] b, int from, int n) {
    byte[] c = new byte[b.length - n];
    System.arraycopy(b, 0, c, 0, from);
    System.arraycopy(b, from + n, c, from, b.length - from - n);
    return c;
  }
}
