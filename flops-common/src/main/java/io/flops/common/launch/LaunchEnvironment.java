package io.flops.common.launch;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.EnumerablePropertySource;
import org.springframework.core.env.PropertySource;

/**
 * The launch variables of a Spring application: every {@code FLOPS_*} variable from its property
 * sources, in Spring's order of precedence (command line, system properties, the process
 * environment, {@code application.yml}, ...). A property spelled the Spring way counts as its
 * variable by Spring's relaxed-binding rule, so {@code --flops.builder.repo-url=...} sets {@code
 * FLOPS_BUILDER_REPO_URL} just as the environment variable does.
 */
public final class LaunchEnvironment {

  private static final String PREFIX = "FLOPS_";

  private LaunchEnvironment() {}

  /** The {@code FLOPS_*} variables {@code environment} holds, placeholders resolved. */
  public static Map<String, String> of(ConfigurableEnvironment environment) {
    Map<String, String> variables = new LinkedHashMap<>();
    for (PropertySource<?> source : environment.getPropertySources()) {
      if (source instanceof EnumerablePropertySource<?> enumerable) {
        for (String name : enumerable.getPropertyNames()) {
          String variable = variableName(name);
          Object value = enumerable.getProperty(name);
          if (variable.startsWith(PREFIX) && value != null) {
            variables.putIfAbsent(variable, environment.resolvePlaceholders(String.valueOf(value)));
          }
        }
      }
    }
    return variables;
  }

  /**
   * {@code flops.builder.repo-url} → {@code FLOPS_BUILDER_REPO_URL}; variables stay as they are.
   */
  static String variableName(String property) {
    return property.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
  }
}
