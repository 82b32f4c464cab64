package io.flops.common.testsupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** Debian's Mosquitto broker on a free loopback port, for tests against a real external broker. */
public final class Mosquitto {

  private Mosquitto() {}

  /** Starts a broker that admits anonymous clients; the caller closes it. */
  public static ExternalServer start(Path workDir) {
    return start(workDir, "allow_anonymous true\n");
  }

  /**
   * Starts a broker that admits only {@code users} (name → password, kept hashed by {@code
   * mosquitto_passwd}) and lets each do what {@code acl} (Mosquitto's {@code acl_file} syntax)
   * allows; the caller closes it.
   */
  public static ExternalServer startSecured(Path workDir, Map<String, String> users, String acl) {
    try {
      Files.createDirectories(workDir);
      Path passwords = workDir.resolve("passwd");
      Files.writeString(passwords, "");
      for (Map.Entry<String, String> user : users.entrySet()) {
        Process process =
            new ProcessBuilder(
                    "mosquitto_passwd", "-b", passwords.toString(), user.getKey(), user.getValue())
                .redirectErrorStream(true)
                .start();
        String output = new String(process.getInputStream().readAllBytes());
        if (process.waitFor() != 0) {
          throw new IllegalStateException("mosquitto_passwd failed: " + output);
        }
      }
      Files.writeString(workDir.resolve("acl"), acl);
    } catch (IOException e) {
      throw new IllegalStateException(
          "Cannot write Mosquitto's password file (package mosquitto)", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
    return start(workDir, "allow_anonymous false\npassword_file passwd\nacl_file acl\n");
  }

  /**
   * Starts a broker with Mosquitto's dynamic-security plugin: no anonymous clients, one admin
   * ({@code adminUser}) who administers the plugin and may publish and subscribe everywhere (as the
   * FLOps manager must); every other client is made through the plugin. The caller closes it.
   */
  public static ExternalServer startWithDynamicSecurity(
      Path workDir, String adminUser, String adminPassword) {
    Path plugin = dynamicSecurityPlugin();
    Path config = workDir.resolve("dynamic-security.json");
    try {
      Files.createDirectories(workDir);
      Files.deleteIfExists(config);
      Process init =
          new ProcessBuilder(
                  "mosquitto_ctrl", "dynsec", "init", config.toString(), adminUser, adminPassword)
              .redirectErrorStream(true)
              .start();
      String output = new String(init.getInputStream().readAllBytes());
      if (init.waitFor() != 0) {
        throw new IllegalStateException("mosquitto_ctrl dynsec init failed: " + output);
      }
      ObjectMapper json = new ObjectMapper();
      ObjectNode security = (ObjectNode) json.readTree(config.toFile());
      for (JsonNode role : security.path("roles")) {
        if (adminRole(role)) {
          ((ArrayNode) role.path("acls"))
              .addObject()
              .put("acltype", "publishClientSend")
              .put("topic", "#")
              .put("allow", true);
        }
      }
      json.writeValue(config.toFile(), security);
    } catch (IOException e) {
      throw new IllegalStateException(
          "Cannot set up Mosquitto's dynamic security (package mosquitto)", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
    return start(
        workDir,
        // run as this user: started as root, Mosquitto would become user "mosquitto", who cannot
        // read the plugin's file in this private directory
        "user "
            + System.getProperty("user.name")
            + "\nallow_anonymous false\nplugin "
            + plugin
            + "\nplugin_opt_config_file "
            + config
            + "\n");
  }

  private static boolean adminRole(JsonNode role) {
    return "admin".equals(role.path("rolename").asText());
  }

  /** Debian's dynamic-security plugin, which the package mosquitto installs. */
  private static Path dynamicSecurityPlugin() {
    try (var libraries = Files.list(Path.of("/usr/lib"))) {
      return libraries
          .map(dir -> dir.resolve("mosquitto_dynamic_security.so"))
          .filter(Files::isRegularFile)
          .findFirst()
          .orElseThrow(
              () ->
                  new IllegalStateException(
                      "Mosquitto's dynamic-security plugin is missing: install the Debian package"
                          + " mosquitto (bash .ci/install)"));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static ExternalServer start(Path workDir, String access) {
    int port = ExternalServer.freePort();
    try {
      Files.createDirectories(workDir);
      Files.writeString(
          workDir.resolve("mosquitto.conf"),
          "listener " + port + " 127.0.0.1\n" + access + "persistence false\n");
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    String binary =
        Files.isExecutable(Path.of("/usr/sbin/mosquitto")) ? "/usr/sbin/mosquitto" : "mosquitto";
    return ExternalServer.start(
        "mosquitto", "mosquitto", List.of(binary, "-c", "mosquitto.conf"), port, workDir);
  }

  /** The Paho URL of a started broker. */
  public static String url(ExternalServer broker) {
    return "tcp://127.0.0.1:" + broker.port();
  }
}
