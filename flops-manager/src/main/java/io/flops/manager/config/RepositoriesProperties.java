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
   * (where {@code flops demo} commits its example). Anything else on the host is a 400.
   */
  private List<Path> allowedFileRoots = new ArrayList<>();

  public List<Path> getAllowedFileRoots() {
    return allowedFileRoots;
  }

  public void setAllowedFileRoots(List<Path> allowedFileRoots) {
    this.allowedFileRoots = allowedFileRoots;
  }
}
