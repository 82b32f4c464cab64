package io.flops.common.testsupport;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Debian's Mosquitto broker on a free loopback port, for tests against a real external broker. */
public final class Mosquitto {

  private Mosquitto() {}

  /** Starts a broker; the caller closes it. */
  public static ExternalServer start(Path workDir) {
    int port = ExternalServer.freePort();
    try {
      Files.createDirectories(workDir);
      Files.writeString(
          workDir.resolve("mosquitto.conf"),
          "listener " + port + " 127.0.0.1\nallow_anonymous true\npersistence false\n");
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
