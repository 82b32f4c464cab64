package io.flops.common.testsupport;

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
