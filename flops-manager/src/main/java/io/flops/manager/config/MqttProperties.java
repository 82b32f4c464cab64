package io.flops.manager.config;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/** The MQTT broker ({@code flops.mqtt.*}). */
@Validated
@ConfigurationProperties(prefix = "flops.mqtt")
public class MqttProperties {

  /** Broker URL, e.g. {@code tcp://mosquitto:1883}; empty: start the embedded broker. */
  private String url = "";

  /** Broker URL handed to deployed services; empty: the same as {@code url}. */
  private String publicUrl = "";

  /** User name; empty for anonymous brokers. */
  private String username = "";

  /** Password; empty for anonymous brokers. */
  private String password = "";

  /**
   * User name the services of every project get for an external broker (the embedded broker gives
   * each project its own); empty: they connect anonymously. Never the manager's own user.
   */
  private String serviceUsername = "";

  /** Password of {@code service-username}. */
  private String servicePassword = "";

  /**
   * Whether the external broker is Mosquitto with its dynamic-security plugin and the manager's
   * user one of its admins: each project's services then get their own user and role, made and
   * deleted by the manager, instead of {@code service-username}.
   */
  private boolean dynamicSecurity;

  /** Host the embedded broker listens on. */
  private String embeddedHost = "127.0.0.1";

  /** Port of the embedded broker (the original's broker port); 0 picks a free port. */
  @Min(0)
  @Max(65535)
  private int embeddedPort = 9027;

  /**
   * Prefix of the manager's MQTT client ids (it adds {@code -in}, {@code -observer}, {@code -out});
   * with persistent sessions they must be unique per manager. Empty (the default): {@code
   * flops-manager-<installation id>}, the id kept in {@code <data-dir>/manager-id}.
   */
  private String clientId = "";

  public String getUrl() {
    return url;
  }

  public void setUrl(String url) {
    this.url = url;
  }

  public String getPublicUrl() {
    return publicUrl;
  }

  public void setPublicUrl(String publicUrl) {
    this.publicUrl = publicUrl;
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

  public String getServiceUsername() {
    return serviceUsername;
  }

  public void setServiceUsername(String serviceUsername) {
    this.serviceUsername = serviceUsername;
  }

  public String getServicePassword() {
    return servicePassword;
  }

  public void setServicePassword(String servicePassword) {
    this.servicePassword = servicePassword;
  }

  public boolean isDynamicSecurity() {
    return dynamicSecurity;
  }

  public void setDynamicSecurity(boolean dynamicSecurity) {
    this.dynamicSecurity = dynamicSecurity;
  }

  public String getEmbeddedHost() {
    return embeddedHost;
  }

  public void setEmbeddedHost(String embeddedHost) {
    this.embeddedHost = embeddedHost;
  }

  public int getEmbeddedPort() {
    return embeddedPort;
  }

  public void setEmbeddedPort(int embeddedPort) {
    this.embeddedPort = embeddedPort;
  }

  public String getClientId() {
    return clientId;
  }

  public void setClientId(String clientId) {
    this.clientId = clientId;
  }
}
