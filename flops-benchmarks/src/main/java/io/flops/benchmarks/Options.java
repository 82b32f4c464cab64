package io.flops.benchmarks;

/** A benchmark's numeric options, given as {@code --name N}. */
public final class Options {

  private final String[] args;

  private Options(String[] args) {
    this.args = args.clone();
  }

  /** The options in {@code args}. */
  public static Options of(String[] args) {
    return new Options(args);
  }

  /** The value after {@code name}, or {@code fallback} when it is not given. */
  public long value(String name, long fallback) {
    for (int i = 0; i + 1 < args.length; i++) {
      if (args[i].equals(name)) {
        return Long.parseLong(args[i + 1]);
      }
    }
    return fallback;
  }

  /** {@link #value} as an int. */
  public int intValue(String name, int fallback) {
    return Math.toIntExact(value(name, fallback));
  }

  /** The text after {@code name}, or {@code fallback} when it is not given. */
  public String text(String name, String fallback) {
    for (int i = 0; i + 1 < args.length; i++) {
      if (args[i].equals(name)) {
        return args[i + 1];
      }
    }
    return fallback;
  }
}
