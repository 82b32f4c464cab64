package io.flops.manager.config;

import io.flops.common.launch.TrackingLaunch;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The customers' MLflow tracking servers, which the manager deploys into each customer's
 * observatory on first need when no tracking URI is configured ({@code flops.tracking-uri}) and
 * services run on a container platform. {@code {customer}} in the store settings is replaced by the
 * customer's id.
 */
@Validated
@ConfigurationProperties(prefix = "flops.tracking")
public class TrackingProperties {

  /** When to deploy a tracking server per customer. */
  public enum DeployServer {
    /** When {@code flops.tracking-uri} is blank and the orchestrator is not {@code local}. */
    AUTO,
    /** Whenever {@code flops.tracking-uri} is blank. */
    ALWAYS,
    /** Never: services log to {@code flops.tracking-uri} or the manager's file store. */
    NEVER
  }

  /** When to deploy a tracking server per customer. */
  @NotNull private DeployServer deployServer = DeployServer.AUTO;

  /** The MLflow image; it must have {@code mlflow} on its PATH. */
  @NotBlank private String serverImage = "ghcr.io/mlflow/mlflow:v2.17.2";

  /** The port the server listens on (7027, as the original). */
  @Min(1)
  private int serverPort = 7027;

  /**
   * The backend store (runs, metrics, registry): an SQLAlchemy URI such as {@code
   * mysql+pymysql://user:pw@db:3306/{customer}}; the default keeps SQLite inside the container.
   */
  @NotBlank private String backendStoreUri = "sqlite:////mlflow/{customer}.db";

  /** Where the server puts artifacts it proxies (a path, {@code s3://…}, {@code ftp://…}). */
  @NotBlank private String artifactsDestination = "/mlflow/artifacts/{customer}";

  /** A bearer token for an MLflow server that needs one (given to the services that log). */
  private String token = "";

  /** A user for an MLflow server with basic authentication. */
  private String username = "";

  /** That user's password. */
  private String password = "";

  /** The server's memory limit in MiB. */
  @Min(0)
  private int memoryMb = 512;

  public DeployServer getDeployServer() {
    return deployServer;
  }

  public void setDeployServer(DeployServer deployServer) {
    this.deployServer = deployServer;
  }

  public String getServerImage() {
    return serverImage;
  }

  public void setServerImage(String serverImage) {
    this.serverImage = serverImage;
  }

  public int getServerPort() {
    return serverPort;
  }

  public void setServerPort(int serverPort) {
    this.serverPort = serverPort;
  }

  public String getBackendStoreUri() {
    return backendStoreUri;
  }

  public void setBackendStoreUri(String backendStoreUri) {
    this.backendStoreUri = backendStoreUri;
  }

  public String getArtifactsDestination() {
    return artifactsDestination;
  }

  public void setArtifactsDestination(String artifactsDestination) {
    this.artifactsDestination = artifactsDestination;
  }

  public String getToken() {
    return token;
  }

  public void setToken(String token) {
    this.token = token;
  }

  public String getUsername() {
    return username;
  }

  public void setUsername(String username) {
    this.username = username;
  }

  public String getPassword() {
    return password;
  }

  public void setPassword(String password) {
    this.password = password;
  }

  /** What services that track are told: {@code uri} with these credentials, when set. */
  public TrackingLaunch launch(String uri) {
    return new TrackingLaunch(uri, token, username, username.isBlank() ? "" : password);
  }

  public int getMemoryMb() {
    return memoryMb;
  }

  public void setMemoryMb(int memoryMb) {
    this.memoryMb = memoryMb;
  }
}
