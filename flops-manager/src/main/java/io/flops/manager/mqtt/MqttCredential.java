package io.flops.manager.mqtt;

/**
 * A user name and password for the MQTT broker.
 *
 * @param username empty: anonymous
 * @param password that user's password (never logged)
 */
public record MqttCredential(String username, String password) {

  /** No credential: an anonymous client. */
  public static final MqttCredential NONE = new MqttCredential("", "");

  public MqttCredential {
    username = username == null ? "" : username;
    password = password == null || username.isEmpty() ? "" : password;
  }

  /** True for {@link #NONE}. */
  public boolean isAnonymous() {
    return username.isEmpty();
  }

  /** Leaves out the password. */
  @Override
  public String toString() {
    return "MqttCredential[" + (isAnonymous() ? "anonymous" : username) + "]";
  }
}
