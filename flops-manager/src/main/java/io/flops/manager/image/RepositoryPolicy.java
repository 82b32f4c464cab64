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
import java.util.List;

/**
 * Which repository URLs a project may name beyond their form (checked by the SLA's validation): a
 * {@code file://} repository only inside an allowed folder of the manager's host, so a customer
 * cannot have the manager clone whatever Git repository its disk holds. Symbolic links are resolved
 * before the check, so a link cannot lead out of an allowed folder.
 */
public final class RepositoryPolicy {

  /** The setting that allows more folders. */
  public static final String SETTING = "flops.repositories.allowed-file-roots";

  /** The setting that allows local hosts. */
  public static final String LOCAL_HOSTS_SETTING = "flops.repositories.deny-local-hosts";

  private final List<Path> fileRoots;
  private final boolean denyLocalHosts;

  /** Allows {@code file://} repositories inside {@code fileRoots} only, and every host. */
  public RepositoryPolicy(List<Path> fileRoots) {
    this(fileRoots, false);
  }

  /**
   * Allows {@code file://} repositories inside {@code fileRoots} only, and refuses loopback and
   * link-local hosts when {@code denyLocalHosts}.
   */
  public RepositoryPolicy(List<Path> fileRoots, boolean denyLocalHosts) {
    this.denyLocalHosts = denyLocalHosts;
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
    if (uri == null || !"file".equalsIgnoreCase(uri.getScheme())) {
      if (denyLocalHosts && isLocal(hostOf(repoUrl, uri))) {
        String rule =
            "must not name a loopback or link-local host on this manager ("
                + LOCAL_HOSTS_SETTING
                + ")";
        throw FlopsException.invalidInput(
            "ml_repo_url " + rule + ".", List.of(new FieldError("/ml_repo_url", rule)));
      }
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
    String bare =
        host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    try {
      for (InetAddress address : InetAddress.getAllByName(bare)) {
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
