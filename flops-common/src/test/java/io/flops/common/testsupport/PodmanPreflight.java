package io.flops.common.testsupport;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * Checks once per JVM, before the first container test, that Podman can run a container on a bridge
 * network and that containers there resolve each other by name. When it cannot, the test fails with
 * one sentence naming the cause and the Debian package, instead of a 500 from deep inside a test.
 *
 * <p>The check imports a one-file image (Debian's static busybox), creates a throw-away network,
 * runs a container that sleeps and a second one that looks the first up by name, and removes all
 * three again.
 */
public final class PodmanPreflight {

  private static final String PODMAN = "/usr/bin/podman";
  private static final String IMAGE = "localhost/flops-preflight:busybox";
  private static volatile String verdict;

  private PodmanPreflight() {}

  /**
   * Runs the check (once; later calls repeat its verdict) with {@code containersConf} as Podman's
   * configuration.
   *
   * @throws IllegalStateException naming the cause and the package to install
   */
  public static synchronized void require(Path containersConf, Path workDir) {
    if (verdict == null) {
      verdict = problem(containersConf, workDir, Map.of());
    }
    if (!verdict.isEmpty()) {
      throw new IllegalStateException(verdict);
    }
  }

  /**
   * Runs the check now, with {@code environment} added to podman's environment (a test breaks the
   * network stack this way).
   *
   * @return the sentence naming the cause and the package, or empty when containers work
   */
  public static String problem(Path containersConf, Path workDir, Map<String, String> environment) {
    ExternalServer.requireBinary("busybox", "busybox-static");
    Podman podman = new Podman(containersConf, environment);
    String suffix = UUID.randomUUID().toString().substring(0, 8);
    String network = "flops-preflight-" + suffix;
    String peer = "flops-preflight-peer-" + suffix;
    try {
      podman.run("import", "-q", busyboxTar(workDir).toString(), IMAGE).orFail("import an image");
      podman.run("network", "create", network).orFail("create a bridge network");
      Result started =
          podman.run(
              "run",
              "-d",
              "--name",
              peer,
              "--network",
              network,
              IMAGE,
              "/bin/busybox",
              "sleep",
              "60");
      if (!started.ok()) {
        return diagnose(started.output());
      }
      Result lookup =
          podman.run("run", "--rm", "--network", network, IMAGE, "/bin/busybox", "nslookup", peer);
      if (!lookup.ok()) {
        return "Containers on a Podman network cannot resolve each other's names: Podman needs"
            + " aardvark-dns (apt-get install aardvark-dns). nslookup said: "
            + lastLine(lookup.output());
      }
      return "";
    } catch (PreflightFailure e) {
      return e.getMessage();
    } finally {
      podman.run("rm", "-f", "-t", "0", peer);
      podman.run("network", "rm", "-f", network);
    }
  }

  private static String diagnose(String output) {
    if (output.contains("netavark") || output.contains("iptables")) {
      return "Podman cannot create bridge networks: netavark needs iptables"
          + " (apt-get install iptables). Podman said: "
          + lastLine(output);
    }
    if (output.contains("slirp4netns")) {
      return "Podman cannot give containers a network: install slirp4netns"
          + " (apt-get install slirp4netns). Podman said: "
          + lastLine(output);
    }
    return "Podman cannot run a container on a bridge network (see FEASIBILITY-INFRA §4 and"
        + " .ci/install): "
        + lastLine(output);
  }

  private static Path busyboxTar(Path workDir) {
    Path root = workDir.resolve("preflight-root");
    Path tar = workDir.resolve("preflight.tar");
    try {
      Files.createDirectories(root.resolve("bin"));
      Files.copy(
          Path.of("/bin/busybox"),
          root.resolve("bin/busybox"),
          java.nio.file.StandardCopyOption.REPLACE_EXISTING);
      Process process =
          new ProcessBuilder("tar", "-C", root.toString(), "-cf", tar.toString(), ".")
              .redirectErrorStream(true)
              .start();
      if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
        throw new PreflightFailure("Could not pack the preflight image with tar.");
      }
      return tar;
    } catch (IOException e) {
      throw new PreflightFailure("Could not pack the preflight image: " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new PreflightFailure("Interrupted while packing the preflight image.");
    }
  }

  private static String lastLine(String output) {
    String[] lines = output.strip().split("\n");
    for (int i = lines.length - 1; i >= 0; i--) {
      if (!lines[i].isBlank() && !lines[i].contains("level=warning")) {
        return lines[i].strip();
      }
    }
    return output.strip();
  }

  private record Result(int exitCode, String output) {
    boolean ok() {
      return exitCode == 0;
    }

    void orFail(String what) {
      if (!ok()) {
        throw new PreflightFailure("Podman cannot " + what + ": " + lastLine(output));
      }
    }
  }

  private static final class PreflightFailure extends RuntimeException {
    PreflightFailure(String message) {
      super(message);
    }
  }

  /** The podman command line with the tests' configuration. */
  private record Podman(Path containersConf, Map<String, String> environment) {
    Result run(String... args) {
      List<String> command = new ArrayList<>(List.of(PODMAN));
      command.addAll(List.of(args));
      ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
      Map<String, String> env = builder.environment();
      env.put("CONTAINERS_CONF", containersConf.toString());
      env.putAll(environment);
      try {
        Process process = builder.start();
        byte[] output = process.getInputStream().readAllBytes();
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
          process.destroyForcibly();
          return new Result(-1, "podman " + args[0] + " did not finish within 120 s");
        }
        return new Result(process.exitValue(), new String(output, StandardCharsets.UTF_8));
      } catch (IOException e) {
        return new Result(-1, e.getMessage());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return new Result(-1, "interrupted");
      }
    }
  }
}
