package dev.parley.testkit.fuzz;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

/**
 * A seeded mutation fuzzer for parsers of untrusted bytes, run as a plain JUnit test with a bounded
 * number of inputs. Jazzer was tried first: 0.26 instruments JDK 25 classes, but it fuzzes only one
 * {@code @FuzzTest} per JVM (the others are reported skipped) and a fuzzing JVM costs about 35 s to
 * start on this 2-core machine, which puts eight parsers far beyond the suite's budget. This one has
 * no coverage feedback; it makes up for it with seeds that already reach deep into each parser
 * (the corpus) and mutations that target text protocols (lines, separators, numbers, repetition).
 *
 * <p>The corpus is a directory of files on the test class path named as Jazzer names it,
 * {@code <package>/<TestClass>Inputs/}, so the same seeds serve Jazzer should it become usable.
 *
 * <p>A target signals a defect by throwing: it catches the exception its parser is allowed to throw
 * and lets everything else out. A failure names the seed, the round and where the input was saved
 * ({@code target/fuzz-failures/}), so it can be replayed and added to the corpus.
 */
public final class Fuzzer {
  /** What is fuzzed: parse the input, throw on a defect. */
  @FunctionalInterface
  public interface Target {
    void accept(byte[] input) throws Exception;
  }

  private final String name;
  private final long seed;
  private final int rounds;
  private final List<byte[]> corpus;
  private final List<String> dictionary;
  private final long slowNanos;

  private Fuzzer(String name, long seed, int rounds, List<byte[]> corpus, List<String> dictionary, long slowNanos) {
    this.name = name;
    this.seed = seed;
    this.rounds = rounds;
    this.corpus = corpus;
    this.dictionary = dictionary;
    this.slowNanos = slowNanos;
  }

  /** A fuzzer seeded from {@code testClass}'s corpus directory, which must exist and hold a file. */
  public static Fuzzer forCorpusOf(Class<?> testClass) {
    String dir = testClass.getPackageName().replace('.', '/') + "/" + testClass.getSimpleName() + "Inputs";
    List<byte[]> corpus = load(testClass, dir);
    if (corpus.isEmpty()) throw new IllegalStateException("empty corpus " + dir);
    return new Fuzzer(testClass.getSimpleName(), testClass.getName().hashCode(), 20_000, corpus, List.of(), 5_000_000_000L);
  }

  /** Adds every file of another resource directory (e.g. the parser's own test data) as seeds. */
  public Fuzzer alsoSeededFrom(Class<?> testClass, String resourceDir) {
    List<byte[]> more = new ArrayList<>(corpus);
    more.addAll(load(testClass, resourceDir));
    return new Fuzzer(name, seed, rounds, List.copyOf(more), dictionary, slowNanos);
  }

  public Fuzzer rounds(int rounds) {
    return new Fuzzer(name, seed, rounds, corpus, dictionary, slowNanos);
  }

  public Fuzzer seed(long seed) {
    return new Fuzzer(name, seed, rounds, corpus, dictionary, slowNanos);
  }

  /** Tokens of the format (header names, SDP attributes) that mutations insert. */
  public Fuzzer dictionary(List<String> tokens) {
    return new Fuzzer(name, seed, rounds, corpus, List.copyOf(tokens), slowNanos);
  }

  public List<byte[]> corpus() {
    return corpus;
  }

  /**
   * Runs the corpus as it is, then {@code rounds} mutated inputs. An input that takes longer than 5 s
   * (a parser that loops or backtracks without end) is a defect too.
   *
   * @return how many inputs were run
   * @throws AssertionError naming the seed, round and saved input of the first defect
   */
  public int run(Target target) {
    Random random = new Random(seed);
    Mutator mutator = new Mutator(random, dictionary);
    List<byte[]> pool = new ArrayList<>(corpus);
    int count = 0;
    for (byte[] seedInput : corpus) check(target, seedInput, -1, count++);
    for (int round = 0; round < rounds; round++) {
      byte[] base = pool.get(random.nextInt(pool.size()));
      byte[] input = mutator.mutate(base, pool.get(random.nextInt(pool.size())));
      check(target, input, round, count++);
      // Keep a few mutants as bases so mutations stack over rounds; the seeds stay.
      if (random.nextInt(16) == 0) {
        if (pool.size() < corpus.size() + 64) pool.add(input);
        else pool.set(corpus.size() + random.nextInt(64), input);
      }
    }
    return count;
  }

  private void check(Target target, byte[] input, int round, int index) {
    long start = System.nanoTime();
    try {
      target.accept(input);
    } catch (Throwable t) {
      if (t instanceof VirtualMachineError e && !(t instanceof StackOverflowError)) throw e;
      throw new AssertionError(describe(input, round) + " threw " + t, t);
    }
    long took = System.nanoTime() - start;
    if (took > slowNanos) throw new AssertionError(describe(input, round) + " took " + took / 1_000_000 + " ms");
  }

  private String describe(byte[] input, int round) {
    Path saved = Path.of("target", "fuzz-failures", name + "-" + seed + "-" + round + ".bin");
    try {
      Files.createDirectories(saved.getParent());
      Files.write(saved, input);
    } catch (IOException e) {
      saved = Path.of("(not saved: " + e.getMessage() + ")");
    }
    String what = round < 0 ? "corpus input" : "seed " + seed + " round " + round;
    String shown = new String(input, 0, Math.min(input.length, 300), StandardCharsets.ISO_8859_1)
        .replace("\r", "\\r").replace("\n", "\\n\n");
    return name + ": " + what + " (" + input.length + " bytes, saved as " + saved.toAbsolutePath() + "):\n" + shown + "\n";
  }

  private static List<byte[]> load(Class<?> testClass, String dir) {
    URL url = testClass.getClassLoader().getResource(dir);
    if (url == null) throw new IllegalStateException("no corpus directory " + dir + " on the class path");
    try (Stream<Path> files = Files.list(Path.of(url.toURI()))) {
      List<Path> sorted = files.filter(Files::isRegularFile).sorted().toList();
      List<byte[]> out = new ArrayList<>();
      for (Path p : sorted) out.add(Files.readAllBytes(p));
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }
}
