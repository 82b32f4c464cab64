package io.flops.manager.config;

import jakarta.validation.constraints.NotNull;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/** The manager's general settings ({@code flops.*}). */
@Validated
@ConfigurationProperties(prefix = "flops")
public class FlopsProperties {

  /** Where the embedded store, the local image store, tracking files and logs live. */
  @NotNull private Path dataDir = Path.of(".flops");

  /** Registry for built images as {@code host:port}; empty: the local image store. */
  private String registry = "";

  /**
   * Talk plain HTTP to {@link #registry} (a registry on a private network without TLS); a registry
   * on a loopback address always is.
   */
  private boolean registryPlainHttp = false;

  /**
   * Tracking URI handed to aggregators: {@code http(s)://} for an MLflow server; empty: an MLflow
   * file store under {@code <data-dir>/mlruns}.
   */
  private String trackingUri = "";

  /**
   * The API's admin token ({@code Authorization: Bearer <token>}); empty: a random one is written
   * to {@code <data-dir>/admin-token} on the first start.
   */
  private String adminToken = "";

  /** Credentials for private repositories, by the name an SLA's {@code ml_repo_credential} uses. */
  private Map<String, String> repoCredentials = new LinkedHashMap<>();

  public Path getDataDir() {
    return dataDir;
  }

  public void setDataDir(Path dataDir) {
    this.dataDir = dataDir;
  }

  public String getRegistry() {
    return registry;
  }

  public void setRegistry(String registry) {
    this.registry = registry;
  }

  public boolean isRegistryPlainHttp() {
    return registryPlainHttp;
  }

  public void setRegistryPlainHttp(boolean registryPlainHttp) {
    this.registryPlainHttp = registryPlainHttp;
  }

  /** Whether the manager and its builders talk plain HTTP to the registry. */
  public boolean registryIsPlainHttp() {
    String host = registry.split(":")[0];
    return registryPlainHttp
        || host.equals("localhost")
        || host.startsWith("127.")
        || host.equals("[::1]");
  }

  public String getTrackingUri() {
    return trackingUri;
  }

  public void setTrackingUri(String trackingUri) {
    this.trackingUri = trackingUri;
  }

  public String getAdminToken() {
    return adminToken;
  }

  public void setAdminToken(String adminToken) {
    this.adminToken = adminToken;
  }

  public Map<String, String> getRepoCredentials() {
    return repoCredentials;
  }

  public void setRepoCredentials(Map<String, String> repoCredentials) {
    this.repoCredentials = repoCredentials;
  }

  /** The tracking URI services get: the configured one, or the file store under the data dir. */
  public String effectiveTrackingUri() {
    return trackingUri.isBlank()
        ? dataDir.toAbsolutePath().normalize().resolve("mlruns").toUri().toString()
        : trackingUri;
  }
}
