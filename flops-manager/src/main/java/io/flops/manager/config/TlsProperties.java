package io.flops.manager.config;

import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * TLS between the FL participants of a project, and HTTPS for its web servers ({@code
 * flops.tls.*}).
 */
@ConfigurationProperties(prefix = "flops.tls")
public class TlsProperties {

  /**
   * Whether aggregators and learners speak mutual TLS with certificates of the manager's authority
   * ({@code <data-dir>/ca}, made on the first start), each issued for its project.
   */
  private boolean enabled = true;

  /**
   * Whether each project's observer and inference server serve HTTPS only, with a server
   * certificate of the same authority (off by default: browsers warn about a private authority
   * until users trust its certificate, GET /api/flops/ca).
   */
  private boolean webEnabled = false;

  /**
   * Host names or IP addresses users reach the observers and inference servers at, besides
   * localhost and 127.0.0.1 (e.g. the workers' public addresses); their certificates name them.
   */
  private List<String> webHosts = new ArrayList<>();

  public boolean isEnabled() {
    return enabled;
  }

  public void setEnabled(boolean enabled) {
    this.enabled = enabled;
  }

  public boolean isWebEnabled() {
    return webEnabled;
  }

  public void setWebEnabled(boolean webEnabled) {
    this.webEnabled = webEnabled;
  }

  public List<String> getWebHosts() {
    return webHosts;
  }

  public void setWebHosts(List<String> webHosts) {
    this.webHosts = webHosts == null ? new ArrayList<>() : new ArrayList<>(webHosts);
  }
}
