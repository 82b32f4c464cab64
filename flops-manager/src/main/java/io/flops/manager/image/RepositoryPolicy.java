package io.flops.manager.image;

import io.flops.common.error.FieldError;
import io.flops.common.error.FlopsException;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
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

  private final List<Path> fileRoots;

  /** Allows {@code file://} repositories inside {@code fileRoots} only. */
  public RepositoryPolicy(List<Path> fileRoots) {
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
      return; // the SLA's validation answers malformed URLs
    }
    if (!"file".equalsIgnoreCase(uri.getScheme()) || uri.getPath() == null) {
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
