package io.flops.manager.config;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** TLS between the FL participants of a project ({@code flops.tls.*}). */
@ConfigurationProperties(prefix = "flops.tls")
public class TlsProperties {

  /**
   * Whether aggregators and learners speak mutual TLS with certificates of the manager's authority
   * ({@code <data-dir>/ca}, made on the first start), each issued for its project.
   */
  private boolean enabled = true;

  public boolean isEnabled() {
    return enabled;
  }

  public void setEnabled(boolean enabled) {
    this.enabled = enabled;
  }
}
