package io.flops.manager.mqtt;

import io.flops.common.events.EventSeal;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The {@link EventSeal} key of each project and mock-data job: derived from this installation's
 * secret ({@code <data-dir>/event-secret}, random on the first start, readable by its owner only)
 * and the id, so a restarted manager knows every key without storing one per project, while no
 * project's key tells anything about another's. The manager hands a project's key to the services
 * it starts for it ({@code FLOPS_EVENT_KEY}) and believes only events sealed with it.
 */
public final class EventKeys {

  private static final String ALGORITHM = "HmacSHA256";

  private final SecretKeySpec secret;

  /** The keys derived from {@code secret} (at least 32 bytes). */
  public EventKeys(byte[] secret) {
    this.secret = new SecretKeySpec(secret, ALGORITHM);
  }

  /** The keys of the installation in {@code dataDir}, its secret created on first use. */
  public static EventKeys of(Path dataDir) {
    Path file = dataDir.toAbsolutePath().normalize().resolve("event-secret");
    try {
      if (Files.exists(file)) {
        byte[] stored = Base64.getDecoder().decode(Files.readString(file).strip());
        if (stored.length >= 32) {
          return new EventKeys(stored);
        }
      }
      byte[] bytes = new byte[32];
      new SecureRandom().nextBytes(bytes);
      Files.createDirectories(file.getParent());
      Path partial = Files.createTempFile(file.getParent(), "event-secret", ".partial");
      Files.setPosixFilePermissions(partial, PosixFilePermissions.fromString("rw-------"));
      Files.writeString(partial, Base64.getEncoder().encodeToString(bytes) + "\n");
      Files.move(partial, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
      return new EventKeys(bytes);
    } catch (IOException | IllegalArgumentException e) {
      throw new UncheckedIOException(
          "Cannot keep the manager's event secret in " + file,
          e instanceof IOException io ? io : new IOException(e));
    }
  }

  /** The key of project or job {@code id}, for its services' {@code FLOPS_EVENT_KEY}. */
  public String keyOf(String id) {
    return derive("flops-events:" + id);
  }

  /**
   * A secret derived from the installation secret for {@code label} (URL-safe Base64 of its
   * HMAC-SHA256): stable across restarts, and no derived value tells anything about another.
   */
  public String derive(String label) {
    try {
      Mac mac = Mac.getInstance(ALGORITHM);
      mac.init(secret);
      byte[] key = mac.doFinal(label.getBytes(StandardCharsets.UTF_8));
      return Base64.getUrlEncoder().withoutPadding().encodeToString(key);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(ALGORITHM + " is not available", e);
    }
  }

  /** The seal of project or job {@code id}. */
  public EventSeal sealOf(String id) {
    return EventSeal.of(keyOf(id));
  }

  /** Whether {@code payload} is sealed with the key of {@code id}. */
  public boolean believes(String id, byte[] payload) {
    return id != null && sealOf(id).verifies(payload);
  }

  /** Leaves out the secret. */
  @Override
  public String toString() {
    return "EventKeys[" + ALGORITHM + "]";
  }
}
