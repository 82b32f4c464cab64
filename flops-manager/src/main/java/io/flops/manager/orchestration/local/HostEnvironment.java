package io.flops.manager.orchestration.local;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * What a child process inherits from the manager's environment: only what a program needs to run on
 * this host (its paths, locale, time zone, user and temporary directory), never the manager's own
 * settings or secrets (e.g. {@code FLOPS_ADMIN_TOKEN}, tracking or broker passwords). A child
 * learns everything else from its service's spec.
 */
final class HostEnvironment {

  /** The variables a child inherits. */
  static final Set<String> INHERITED =
      Set.of(
          "PATH",
          "HOME",
          "USER",
          "LOGNAME",
          "SHELL",
          "LANG",
          "LANGUAGE",
          "TZ",
          "TMPDIR",
          "JAVA_HOME",
          "HTTP_PROXY",
          "HTTPS_PROXY",
          "NO_PROXY",
          "http_proxy",
          "https_proxy",
          "no_proxy");

  private HostEnvironment() {}

  /** The allowed part of {@code host}: {@link #INHERITED} and the locale's {@code LC_*}. */
  static Map<String, String> inherited(Map<String, String> host) {
    Map<String, String> allowed = new TreeMap<>();
    host.forEach(
        (name, value) -> {
          if (INHERITED.contains(name) || name.startsWith("LC_")) {
            allowed.put(name, value);
          }
        });
    return allowed;
  }
}
