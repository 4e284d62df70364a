package dev.parley.loadgen;

/** Reads {@code --talkers}: {@code all}, a count per room, or a fraction of the room (0 to 1, or a percentage). */
final class Talkers {

  private Talkers() {}

  static int parse(String value, int perRoom) {
    String v = value.strip();
    if (v.equalsIgnoreCase("all")) return perRoom;
    try {
      if (v.endsWith("%")) return fraction(Double.parseDouble(v.substring(0, v.length() - 1)) / 100, perRoom);
      if (v.contains(".")) return fraction(Double.parseDouble(v), perRoom);
      int n = Integer.parseInt(v);
      if (n < 0 || n > perRoom) throw new IllegalArgumentException("--talkers " + n + " is not within 0.." + perRoom);
      return n;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("--talkers is all, a count or a fraction, not '" + value + "'");
    }
  }

  private static int fraction(double f, int perRoom) {
    if (f < 0 || f > 1) throw new IllegalArgumentException("--talkers fraction " + f + " is not within 0..1");
    return (int) Math.round(f * perRoom);
  }
}
