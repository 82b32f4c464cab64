package io.flops.manager.config;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Which repositories projects may name ({@code flops.repositories.*}). A {@code file://} URL reads
 * the manager's own disk, so it is refused unless it lies in an allowed folder.
 */
@ConfigurationProperties(prefix = "flops.repositories")
public class RepositoriesProperties {

  /**
   * Folders of the manager's host whose Git repositories (and those of their sub-folders) projects
   * may name as {@code file://} URLs, besides {@code <data-dir>/repos}, which is always allowed
   * (where {@code flops demo} commits its example). Default: {@code ~/.flops/repos} of the user the
   * manager runs as, where {@code flops submit --repo <dir>} commits. Anything else on the host is
   * a 400; set it empty to allow only {@code <data-dir>/repos}.
   */
  private List<Path> allowedFileRoots =
      new ArrayList<>(List.of(Path.of(System.getProperty("user.home"), ".flops", "repos")));

  public List<Path> getAllowedFileRoots() {
    return allowedFileRoots;
  }

  public void setAllowedFileRoots(List<Path> allowedFileRoots) {
    this.allowedFileRoots = allowedFileRoots;
  }
}
