package io.flops.builder.maven;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Picks the first compiler errors out of a Maven log, with paths relative to the repository. */
final class CompilerErrors {

  private static final Pattern ERROR =
      Pattern.compile("^\\[ERROR\\] (/\\S+\\.java):\\[(\\d+),(\\d+)\\] (.+)$");

  private CompilerErrors() {}

  /**
   * At most {@code max} errors such as {@code src/main/java/a/B.java:12: cannot find symbol
   * (symbol: class Foo)}: javac's {@code symbol:} line, printed below the error, names what is
   * missing.
   */
  static List<String> first(List<String> log, Path repo, int max) {
    List<String> errors = new ArrayList<>();
    for (int i = 0; i < log.size(); i++) {
      Matcher matcher = ERROR.matcher(log.get(i).strip());
      if (matcher.matches()) {
        String error =
            relative(repo, matcher.group(1))
                + ":"
                + matcher.group(2)
                + ": "
                + matcher.group(4)
                + symbol(log, i + 1);
        if (!errors.contains(error)) {
          errors.add(error);
        }
        if (errors.size() == max) {
          break;
        }
      }
    }
    return errors;
  }

  private static String symbol(List<String> log, int next) {
    if (next < log.size()) {
      String line = log.get(next).strip().replaceFirst("^\\[ERROR\\]\\s*", "");
      if (line.startsWith("symbol:")) {
        return " (symbol: " + line.substring("symbol:".length()).strip() + ")";
      }
    }
    return "";
  }

  /** The first {@code [ERROR]} line that is not a generic Maven hint, for non-compiler failures. */
  static String firstError(List<String> log) {
    return log.stream()
        .map(String::strip)
        .filter(line -> line.startsWith("[ERROR] ") && line.length() > 10)
        .map(line -> line.substring(8))
        .filter(
            line ->
                !line.startsWith("->") && !line.startsWith("Re-run") && !line.startsWith("To see"))
        .findFirst()
        .orElse("no error line in the Maven output");
  }

  private static String relative(Path repo, String file) {
    Path path = Path.of(file);
    return path.startsWith(repo) ? repo.relativize(path).toString() : path.getFileName().toString();
  }
}
