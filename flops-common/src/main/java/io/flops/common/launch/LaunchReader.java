package io.flops.common.launch;

import io.flops.common.sla.FlexibleDuration;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Reads typed values of {@link LaunchVariable}s from an environment map. A blank value counts as
 * unset; a value that does not parse fails with an {@link InvalidLaunchSettingException} naming the
 * variable.
 */
public final class LaunchReader {

  private final Map<String, String> environment;

  public LaunchReader(Map<String, String> environment) {
    this.environment = Map.copyOf(environment);
  }

  /** The value, or empty when unset or blank. */
  public Optional<String> text(LaunchVariable variable) {
    String value = environment.get(variable.envName());
    return value == null || value.isBlank() ? Optional.empty() : Optional.of(value);
  }

  /** The value, or {@code fallback} when unset. */
  public String text(LaunchVariable variable, String fallback) {
    return text(variable).orElse(fallback);
  }

  /** The value; unset fails. */
  public String required(LaunchVariable variable) {
    return text(variable).orElseThrow(() -> InvalidLaunchSettingException.missing(variable));
  }

  /** The value parsed by {@code parser} (which throws {@link IllegalArgumentException}). */
  public <T> Optional<T> parsed(LaunchVariable variable, Function<String, T> parser, String what) {
    return text(variable).map(value -> parse(variable, value, parser, what));
  }

  /** A whole number, or {@code fallback} when unset. */
  public int integer(LaunchVariable variable, int fallback) {
    return parsed(variable, text -> Integer.valueOf(text.trim()), "a whole number")
        .orElse(fallback);
  }

  /** A whole number of at least {@code min}, or {@code fallback} when unset. */
  public int integer(LaunchVariable variable, int fallback, int min) {
    String what = "a whole number of at least " + min;
    return parsed(variable, text -> atLeast(Integer.parseInt(text.trim()), min), what)
        .orElse(fallback);
  }

  /** A whole number, or null when unset. */
  public Integer optionalInteger(LaunchVariable variable) {
    return parsed(variable, text -> Integer.valueOf(text.trim()), "a whole number").orElse(null);
  }

  /** A long whole number, or {@code fallback} when unset. */
  public long longInteger(LaunchVariable variable, long fallback) {
    return parsed(variable, text -> Long.valueOf(text.trim()), "a whole number").orElse(fallback);
  }

  /** A decimal number, or {@code fallback} when unset. */
  public double decimal(LaunchVariable variable, double fallback) {
    return parsed(variable, text -> Double.valueOf(text.trim()), "a number").orElse(fallback);
  }

  /** {@code true} or {@code false} (any case), or {@code fallback} when unset. */
  public boolean flag(LaunchVariable variable, boolean fallback) {
    return parsed(variable, LaunchReader::parseBoolean, "true or false").orElse(fallback);
  }

  /** A duration ({@code 90s}, {@code 10m}, {@code PT10M}), or {@code fallback} when unset. */
  public Duration duration(LaunchVariable variable, Duration fallback) {
    return parsed(variable, FlexibleDuration::parse, "a duration").orElse(fallback);
  }

  /** A path, or {@code fallback} when unset. */
  public Path path(LaunchVariable variable, Path fallback) {
    return parsed(variable, text -> Path.of(text.trim()), "a path").orElse(fallback);
  }

  /** A comma-separated list (items trimmed, empty items dropped); empty when unset. */
  public List<String> list(LaunchVariable variable) {
    return list(variable, Function.identity(), "a list", List.of());
  }

  /**
   * A comma-separated list whose items {@code parser} reads (items trimmed, empty items dropped),
   * or {@code fallback} when unset or without items.
   */
  public <T> List<T> list(
      LaunchVariable variable, Function<String, T> parser, String what, List<T> fallback) {
    return text(variable)
        .map(
            value ->
                Arrays.stream(value.split(","))
                    .map(String::trim)
                    .filter(item -> !item.isEmpty())
                    .map(item -> parse(variable, value, parser, what, item))
                    .toList())
        .filter(items -> !items.isEmpty())
        .orElse(fallback);
  }

  private static <T> T parse(
      LaunchVariable variable, String value, Function<String, T> parser, String what) {
    return parse(variable, value, parser, what, value);
  }

  private static <T> T parse(
      LaunchVariable variable,
      String value,
      Function<String, T> parser,
      String what,
      String input) {
    try {
      return parser.apply(input);
    } catch (IllegalArgumentException e) {
      throw InvalidLaunchSettingException.malformed(variable, value, what, e);
    }
  }

  private static int atLeast(int value, int min) {
    if (value < min) {
      throw new IllegalArgumentException();
    }
    return value;
  }

  private static Boolean parseBoolean(String text) {
    return switch (text.trim().toLowerCase(Locale.ROOT)) {
      case "true" -> true;
      case "false" -> false;
      default -> throw new IllegalArgumentException("expected true or false");
    };
  }
}
