package io.flops.manager.image;

import io.flops.common.error.FieldError;
import io.flops.common.error.FlopsException;
import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Which repository URLs a project may name beyond their form (checked by the SLA's validation): a
 * {@code file://} repository only inside an allowed folder of the manager's host, so a customer
 * cannot have the manager clone whatever Git repository its disk holds; only the allowed schemes;
 * no host in a denied network (and, in production, no loopback or link-local host). Symbolic links
 * are resolved before the check, so a link cannot lead out of an allowed folder.
 */
public final class RepositoryPolicy {

  /** The setting that allows more folders. */
  public static final String SETTING = "flops.repositories.allowed-file-roots";

  /** The setting that allows local hosts. */
  public static final String LOCAL_HOSTS_SETTING = "flops.repositories.deny-local-hosts";

  /** The setting that names the URL schemes projects may use. */
  public static final String SCHEMES_SETTING = "flops.repositories.allowed-schemes";

  /** The setting that names networks whose hosts projects may not name. */
  public static final String DENIED_NETWORKS_SETTING = "flops.repositories.denied-networks";

  /** Every scheme a repository URL may have (RepositoryUrl); scp-like URLs count as ssh. */
  public static final List<String> ALL_SCHEMES = List.of("https", "http", "ssh", "git", "file");

  private final List<Path> fileRoots;
  private final boolean denyLocalHosts;
  private final List<String> schemes;
  private final List<Network> deniedNetworks;

  /** Allows {@code file://} repositories inside {@code fileRoots} only, and every host. */
  public RepositoryPolicy(List<Path> fileRoots) {
    this(fileRoots, false);
  }

  /**
   * Allows {@code file://} repositories inside {@code fileRoots} only, and refuses loopback and
   * link-local hosts when {@code denyLocalHosts}.
   */
  public RepositoryPolicy(List<Path> fileRoots, boolean denyLocalHosts) {
    this(fileRoots, denyLocalHosts, ALL_SCHEMES, List.of());
  }

  /**
   * As {@link #RepositoryPolicy(List, boolean)}, allowing only URLs with one of {@code schemes} and
   * refusing hosts in {@code deniedNetworks} (CIDR, e.g. {@code 10.0.0.0/8}).
   *
   * @throws IllegalArgumentException naming the setting for an unknown scheme or a bad network
   */
  public RepositoryPolicy(
      List<Path> fileRoots,
      boolean denyLocalHosts,
      List<String> schemes,
      List<String> deniedNetworks) {
    this.denyLocalHosts = denyLocalHosts;
    Set<String> allowed = new LinkedHashSet<>();
    for (String scheme : schemes) {
      String lower = scheme.trim().toLowerCase(Locale.ROOT);
      if (!ALL_SCHEMES.contains(lower)) {
        throw new IllegalArgumentException(
            "'" + scheme + "' in " + SCHEMES_SETTING + " is not one of " + ALL_SCHEMES);
      }
      allowed.add(lower);
    }
    this.schemes = List.copyOf(allowed);
    this.deniedNetworks = deniedNetworks.stream().map(Network::parse).toList();
    List<Path> roots = new ArrayList<>();
    for (Path root : fileRoots) {
      roots.add(real(root.toAbsolutePath().normalize()));
    }
    this.fileRoots = List.copyOf(roots);
  }

  /** The allowed folders, resolved. */
  public List<Path> fileRoots() {
    return fileRoots;
  }

  /**
   * Refuses {@code repoUrl} with a 400 naming {@code ml_repo_url} and the rule when it is a {@code
   * file://} URL outside the allowed folders; other URLs pass.
   */
  public void check(String repoUrl) {
    URI uri;
    try {
      uri = new URI(repoUrl);
    } catch (URISyntaxException e) {
      uri = null; // scp-like (git@host:path), or malformed, which the SLA's validation answers
    }
    String scheme =
        uri != null && uri.getScheme() != null
            ? uri.getScheme().toLowerCase(Locale.ROOT)
            : repoUrl.contains("://") ? null : "ssh";
    if (scheme != null && !schemes.contains(scheme)) {
      refuse(
          "must use one of the schemes this manager allows, "
              + String.join(", ", schemes)
              + " ("
              + SCHEMES_SETTING
              + ")");
    }
    if (uri == null || !"file".equalsIgnoreCase(uri.getScheme())) {
      String host = hostOf(repoUrl, uri);
      if (denyLocalHosts && isLocal(host)) {
        refuse(
            "must not name a loopback or link-local host on this manager ("
                + LOCAL_HOSTS_SETTING
                + ")");
      }
      deniedNetwork(host)
          .ifPresent(
              network ->
                  refuse(
                      "must not name a host in the network "
                          + network.text()
                          + " ("
                          + DENIED_NETWORKS_SETTING
                          + ")"));
      return;
    }
    if (uri.getPath() == null) {
      return;
    }
    Path path = real(Path.of(uri.getPath()).toAbsolutePath().normalize());
    if (fileRoots.stream().anyMatch(path::startsWith)) {
      return;
    }
    String rule =
        "file:// repositories must be inside a folder this manager allows ("
            + SETTING
            + "); "
            + repoUrl
            + " is not";
    throw FlopsException.invalidInput(
        "ml_repo_url " + rule + ".", List.of(new FieldError("/ml_repo_url", rule)));
  }

  private static void refuse(String rule) {
    throw FlopsException.invalidInput(
        "ml_repo_url " + rule + ".", List.of(new FieldError("/ml_repo_url", rule)));
  }

  /**
   * The first denied network {@code host} is in or resolves into; empty for none, and for a name
   * that does not resolve (the repository check fails it with a sentence).
   */
  private Optional<Network> deniedNetwork(String host) {
    if (deniedNetworks.isEmpty() || host == null || host.isBlank()) {
      return Optional.empty();
    }
    try {
      for (InetAddress address : InetAddress.getAllByName(bare(host))) {
        for (Network network : deniedNetworks) {
          if (network.contains(address)) {
            return Optional.of(network);
          }
        }
      }
    } catch (UnknownHostException e) {
      return Optional.empty();
    }
    return Optional.empty();
  }

  private static String bare(String host) {
    return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
  }

  /** The host of a URL, or of an scp-like {@code user@host:path}; null when there is none. */
  private static String hostOf(String repoUrl, URI uri) {
    if (uri != null && uri.getHost() != null) {
      return uri.getHost();
    }
    if (repoUrl.contains("://")) {
      return null;
    }
    int at = repoUrl.indexOf('@');
    int colon = repoUrl.indexOf(':', at + 1);
    return colon > at + 1 ? repoUrl.substring(at + 1, colon) : null;
  }

  /**
   * Whether {@code host} is, or resolves to, a loopback, link-local or unspecified address; a name
   * that does not resolve is left to the repository check, which fails it with a sentence.
   */
  private static boolean isLocal(String host) {
    if (host == null || host.isBlank()) {
      return false;
    }
    try {
      for (InetAddress address : InetAddress.getAllByName(bare(host))) {
        if (address.isLoopbackAddress()
            || address.isLinkLocalAddress()
            || address.isAnyLocalAddress()) {
          return true;
        }
      }
      return false;
    } catch (UnknownHostException e) {
      return false;
    }
  }

  /** {@code path} with symbolic links resolved as far as it exists. */
  private static Path real(Path path) {
    Path existing = path;
    while (existing != null && !Files.exists(existing)) {
      existing = existing.getParent();
    }
    if (existing == null) {
      return path;
    }
    try {
      return existing.toRealPath().resolve(existing.relativize(path));
    } catch (IOException e) {
      return path;
    }
  }
}
