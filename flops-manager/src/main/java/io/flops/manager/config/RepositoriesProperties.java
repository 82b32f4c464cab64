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

  /**
   * Whether repository URLs naming a loopback or link-local host (e.g. {@code 127.0.0.1}, {@code
   * localhost}, {@code 169.254.169.254}) are refused, so a customer cannot make the manager probe
   * its own host or a cloud metadata service. Unset: refused when the orchestrator runs services on
   * remote workers (production), allowed when they run on this host.
   */
  private Boolean denyLocalHosts;

  /**
   * The URL schemes projects may use for their repository, of https, http, ssh (also {@code
   * user@host:path}), git and file; e.g. {@code https,ssh} to refuse unencrypted transports.
   */
  private List<String> allowedSchemes =
      new ArrayList<>(List.of("https", "http", "ssh", "git", "file"));

  /**
   * Networks (CIDR, e.g. {@code 10.0.0.0/8,172.16.0.0/12,192.168.0.0/16,fc00::/7}) whose hosts
   * repository URLs may not name or resolve to, so a customer cannot make the manager reach into
   * them; empty: none besides the local hosts above.
   */
  private List<String> deniedNetworks = new ArrayList<>();

  public List<String> getAllowedSchemes() {
    return allowedSchemes;
  }

  public void setAllowedSchemes(List<String> allowedSchemes) {
    this.allowedSchemes = allowedSchemes;
  }

  public List<String> getDeniedNetworks() {
    return deniedNetworks;
  }

  public void setDeniedNetworks(List<String> deniedNetworks) {
    this.deniedNetworks = deniedNetworks;
  }

  public Boolean getDenyLocalHosts() {
    return denyLocalHosts;
  }

  public void setDenyLocalHosts(Boolean denyLocalHosts) {
    this.denyLocalHosts = denyLocalHosts;
  }

  public List<Path> getAllowedFileRoots() {
    return allowedFileRoots;
  }

  public void setAllowedFileRoots(List<Path> allowedFileRoots) {
    this.allowedFileRoots = allowedFileRoots;
  }
}
