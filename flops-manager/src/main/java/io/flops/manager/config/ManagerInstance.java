package io.flops.manager.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * This manager installation's id: random on the first start, kept in {@code <data-dir>/manager-id}
 * so a restarted manager keeps its MQTT sessions, while two managers with their own data
 * directories never share a client id.
 */
public final class ManagerInstance {

  private final String id;

  private ManagerInstance(String id) {
    this.id = id;
  }

  /** The installation of {@code dataDir}, created on first use. */
  public static ManagerInstance of(Path dataDir) {
    Path file = dataDir.toAbsolutePath().normalize().resolve("manager-id");
    try {
      if (Files.exists(file)) {
        String stored = Files.readString(file).strip();
        if (stored.matches("[0-9a-f]{12}")) {
          return new ManagerInstance(stored);
        }
      }
      byte[] bytes = new byte[6];
      new SecureRandom().nextBytes(bytes);
      String id = HexFormat.of().formatHex(bytes);
      Files.createDirectories(file.getParent());
      Files.writeString(file, id + "\n");
      return new ManagerInstance(id);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot keep the manager's id in " + file, e);
    }
  }

  /** Twelve hex digits. */
  public String id() {
    return id;
  }

  /** The MQTT client-id prefix: the configured one, else {@code flops-manager-<id>}. */
  public String mqttClientId(MqttProperties mqtt) {
    return mqtt.getClientId().isBlank() ? "flops-manager-" + id : mqtt.getClientId();
  }
}
