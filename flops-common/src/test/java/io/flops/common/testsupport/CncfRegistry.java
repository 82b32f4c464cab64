package io.flops.common.testsupport;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Debian's {@code docker-registry} (CNCF Distribution 2.8) on a free loopback port, storing under
 * {@code workDir}. Plain HTTP, deletes enabled.
 */
public final class CncfRegistry {

  private CncfRegistry() {}

  /** Starts a registry on the loopback interface; the caller closes it. */
  public static ExternalServer start(Path workDir) {
    return start(workDir, "127.0.0.1");
  }

  /**
   * Starts a registry on every interface, so that containers reach it at the host's address ({@link
   * HostAddress#forContainers()}); the caller closes it.
   */
  public static ExternalServer startOnAllInterfaces(Path workDir) {
    return start(workDir, "0.0.0.0");
  }

  private static ExternalServer start(Path workDir, String bindHost) {
    int port = ExternalServer.freePort();
    try {
      Files.createDirectories(workDir);
      Files.writeString(
          workDir.resolve("config.yml"),
          String.join(
              "\n",
              "version: 0.1",
              "log: { level: warn }",
              "storage:",
              "  filesystem: { rootdirectory: " + workDir.resolve("data").toAbsolutePath() + " }",
              "  delete: { enabled: true }",
              "http:",
              "  addr: " + bindHost + ":" + port,
              ""));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    return ExternalServer.start(
        "docker-registry",
        "docker-registry",
        List.of("docker-registry", "serve", "config.yml"),
        port,
        workDir);
  }

  /** {@code host:port} of a started registry, as used in image references. */
  public static String address(ExternalServer registry) {
    return "127.0.0.1:" + registry.port();
  }
}
