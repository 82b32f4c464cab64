package io.flops.manager.config;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** The inference servers of completed projects ({@code flops.inference.*}). */
@ConfigurationProperties(prefix = "flops.inference")
public class InferenceProperties {

  /**
   * Whether each inference server answers predictions only with its project's token (Authorization:
   * Bearer, the project view's inference_token); off by default, so the demo's loopback server
   * stays open.
   */
  private boolean tokenRequired = false;

  public boolean isTokenRequired() {
    return tokenRequired;
  }

  public void setTokenRequired(boolean tokenRequired) {
    this.tokenRequired = tokenRequired;
  }
}
