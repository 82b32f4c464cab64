package io.flops.common.image;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Turns text into path components of an image repository that the distribution spec's name grammar
 * accepts ({@code [a-z0-9]+((\.|_|__|-+)[a-z0-9]+)*}):
 *
 * <ul>
 *   <li>upper case becomes lower case, every other character but {@code [a-z0-9._-]} becomes {@code
 *       -};
 *   <li>a run of separators the grammar does not allow (e.g. {@code ..}, {@code .-}, {@code ___})
 *       becomes one {@code -}; leading and trailing separators are dropped, and a component left
 *       empty is dropped;
 *   <li>the first component never reads as a registry host in a name without a registry: its dots
 *       become {@code -}, and {@code localhost} becomes {@code local-host}.
 * </ul>
 */
final class NameComponents {

  private static final Pattern NOT_ALLOWED = Pattern.compile("[^a-z0-9._-]+");
  private static final Pattern SEPARATORS = Pattern.compile("[._-]+");
  private static final Pattern EDGE_SEPARATORS = Pattern.compile("^[._-]+|[._-]+$");
  private static final Pattern DASHES = Pattern.compile("-+");

  private NameComponents() {}

  /** The cleaned, non-empty components of {@code segments}, in order. */
  static List<String> clean(List<String> segments) {
    List<String> components = new ArrayList<>();
    for (String segment : segments) {
      String component = components.isEmpty() ? first(segment) : component(segment);
      if (!component.isEmpty()) {
        components.add(component);
      }
    }
    return components;
  }

  /** {@code text} as the first component of a name; empty when nothing of it is usable. */
  static String first(String text) {
    String component = component(text).replace('.', '-');
    return component.equals("localhost") ? "local-host" : component;
  }

  /** {@code text} as a later component of a name; empty when nothing of it is usable. */
  static String component(String text) {
    String allowed = NOT_ALLOWED.matcher(text.toLowerCase(Locale.ROOT)).replaceAll("-");
    String separated =
        SEPARATORS.matcher(allowed).replaceAll(run -> allowedSeparator(run.group()) ? "$0" : "-");
    return EDGE_SEPARATORS.matcher(separated).replaceAll("");
  }

  private static boolean allowedSeparator(String run) {
    return run.equals(".") || run.equals("_") || run.equals("__") || DASHES.matcher(run).matches();
  }
}
