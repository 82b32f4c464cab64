package io.flops.manager.mqtt;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The identities of the embedded broker: the manager ({@value #MANAGER_USER}) and the services of
 * each project or mock-data job ({@value #SERVICE_USER_PREFIX}{@code <id>}). Every password is
 * derived from the installation secret ({@link EventKeys#derive}), so a restarted manager and its
 * broker know every running service's credential without storing one, and a project's credential
 * tells nothing about another's. Anonymous clients and wrong passwords are refused.
 */
public final class BrokerIdentities implements ServiceCredentials {

  /** The manager's user name. */
  public static final String MANAGER_USER = "flops-manager";

  /** Prefix of a project's (or job's) services' user name. */
  public static final String SERVICE_USER_PREFIX = "flops-svc-";

  private static final Pattern ID = Pattern.compile("[a-zA-Z0-9]{1,64}");

  private final EventKeys keys;

  public BrokerIdentities(EventKeys keys) {
    this.keys = keys;
  }

  /** The manager's own credential. */
  public MqttCredential manager() {
    return new MqttCredential(MANAGER_USER, keys.derive("flops-mqtt-manager"));
  }

  @Override
  public MqttCredential of(String id) {
    if (!ID.matcher(id).matches()) {
      throw new IllegalArgumentException("Not a project or job id: " + id);
    }
    return new MqttCredential(SERVICE_USER_PREFIX + id, keys.derive("flops-mqtt:" + id));
  }

  /** Who {@code username} is when {@code password} is theirs; empty for anyone else. */
  public Optional<BrokerIdentity> identify(String username, String password) {
    if (username == null || password == null) {
      return Optional.empty();
    }
    if (username.equals(MANAGER_USER)) {
      return matches(manager(), password) ? Optional.of(BrokerIdentity.MANAGER) : Optional.empty();
    }
    if (!username.startsWith(SERVICE_USER_PREFIX)) {
      return Optional.empty();
    }
    String id = username.substring(SERVICE_USER_PREFIX.length());
    return ID.matcher(id).matches() && matches(of(id), password)
        ? Optional.of(BrokerIdentity.servicesOf(id))
        : Optional.empty();
  }

  private static boolean matches(MqttCredential expected, String password) {
    return MessageDigest.isEqual(
        expected.password().getBytes(StandardCharsets.UTF_8),
        password.getBytes(StandardCharsets.UTF_8));
  }

  /** Leaves out every secret. */
  @Override
  public String toString() {
    return "BrokerIdentities";
  }
}
