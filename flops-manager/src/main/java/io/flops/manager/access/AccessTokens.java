package io.flops.manager.access;

import io.flops.manager.config.FlopsProperties;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The bearer tokens the manager's API accepts: the admin token ({@code flops.admin-token}, else
 * {@code <data-dir>/admin-token}, random on the first start and readable by its owner only) and the
 * customers' tokens the admin creates, stored as SHA-256 hashes; and, when an OpenID Connect issuer
 * is configured, its JWTs ({@link JwtCallers}).
 */
@Component
public class AccessTokens {

  /** The file the admin token is kept in when {@code flops.admin-token} is not set. */
  public static final String ADMIN_TOKEN_FILE = "admin-token";

  private static final Logger log = LoggerFactory.getLogger(AccessTokens.class);
  private static final SecureRandom RANDOM = new SecureRandom();

  private final byte[] adminHash;
  private final CustomerTokenRepository customers;
  private final Clock clock;
  private final JwtCallers jwt;

  public AccessTokens(
      FlopsProperties flops, CustomerTokenRepository customers, Clock clock, JwtCallers jwt) {
    String admin = flops.getAdminToken();
    if (admin.isBlank()) {
      admin = adminTokenIn(flops.getDataDir());
    }
    this.adminHash = sha256(admin);
    this.customers = customers;
    this.clock = clock;
    this.jwt = jwt;
  }

  /** The caller a bearer token stands for, if the token is known. */
  public Optional<Caller> resolve(String token) {
    if (token == null || token.isBlank()) {
      return Optional.empty();
    }
    byte[] hash = sha256(token.trim());
    if (MessageDigest.isEqual(hash, adminHash)) {
      return Optional.of(Caller.ADMIN);
    }
    Optional<Caller> customer =
        customers.findById(HexFormat.of().formatHex(hash)).map(t -> new Caller(t.customerId()));
    return customer.isPresent() ? customer : jwt.resolve(token.trim());
  }

  /** A new token of {@code customerId}; only its hash is kept, so this is the one time it shows. */
  public String create(String customerId) {
    String token = "flc_" + random();
    customers.save(
        new CustomerToken(HexFormat.of().formatHex(sha256(token)), customerId, clock.instant()));
    return token;
  }

  /** Revokes every token of {@code customerId}; returns how many there were. */
  public int revoke(String customerId) {
    var tokens = customers.findByCustomerId(customerId);
    customers.deleteAll(tokens);
    return tokens.size();
  }

  private static String adminTokenIn(Path dataDir) {
    Path file = dataDir.toAbsolutePath().normalize().resolve(ADMIN_TOKEN_FILE);
    try {
      if (Files.exists(file)) {
        String stored = Files.readString(file).strip();
        if (!stored.isEmpty()) {
          return stored;
        }
      }
      String token = random();
      Files.createDirectories(file.getParent());
      Path partial = Files.createTempFile(file.getParent(), ADMIN_TOKEN_FILE, ".partial");
      Files.setPosixFilePermissions(partial, PosixFilePermissions.fromString("rw-------"));
      Files.writeString(partial, token + "\n");
      Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING);
      log.info("Created the admin token in {} (send it as Authorization: Bearer <token>)", file);
      return token;
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot keep the admin token in " + file, e);
    }
  }

  private static String random() {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  private static byte[] sha256(String token) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is not available", e);
    }
  }
}
