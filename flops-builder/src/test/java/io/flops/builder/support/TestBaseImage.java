package io.flops.builder.support;

import io.flops.builder.baseimage.OciLayoutPusher;
import io.flops.common.image.registry.RegistryClient;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * The multi-platform JRE base image for tests: built once by tools/base-image/build.sh into
 * ~/.cache/flops/base-image (a no-op when up to date), then pushed to the test registry.
 */
public final class TestBaseImage {

  private TestBaseImage() {}

  /** Builds (if needed) and pushes the base image; returns its reference. */
  public static String pushTo(String registry) throws IOException, InterruptedException {
    Path cache = Path.of(System.getProperty("user.home"), ".cache", "flops", "base-image");
    Path script = Path.of("..", "tools", "base-image", "build.sh").toAbsolutePath().normalize();
    Process process =
        new ProcessBuilder("bash", script.toString(), cache.toString())
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.INHERIT)
            .start();
    if (!process.waitFor(10, TimeUnit.MINUTES) || process.exitValue() != 0) {
      throw new IllegalStateException(
          script + " failed; it needs 'dpkg --add-architecture arm64 && apt-get update' once");
    }
    String reference = registry + "/flops/jre:17";
    new OciLayoutPusher(new RegistryClient(registry, true, Duration.ofSeconds(60)))
        .push(cache.resolve("layout"), reference);
    return reference;
  }
}
