package io.flops.images;

import io.flops.builder.baseimage.OciLayoutPusher;
import io.flops.common.image.registry.RegistryClient;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds FLOps' service images the way docs/operations.md says: the JRE base from
 * tools/base-image/build.sh pushed to the registry, then {@code ./mvnw -Pimages package} (the real
 * jib-maven-plugin) with the registry as {@code flops.image.registry}.
 */
final class ServiceImageBuild {

  /** The app modules that become images, and their image names. */
  static final List<String> SERVICES =
      List.of("manager", "builder", "observer", "dataserver", "inference");

  private ServiceImageBuild() {}

  /**
   * Builds (if needed) and pushes the two bases: {@code flops/jre:17} under every service and
   * {@code flops/jdk:17} (javac, busybox) under the builder.
   */
  static void pushBases(String registry, Path logs) throws IOException {
    // Its own cache directory: other modules' tests rebuild ~/.cache/flops/base-image concurrently.
    Path cache = Path.of(System.getProperty("user.home"), ".cache", "flops", "service-bases");
    Path script = Images.root().resolve("tools/base-image/build.sh");
    var pusher = new OciLayoutPusher(new RegistryClient(registry, true, Duration.ofSeconds(60)));
    for (String variant : List.of("jre", "jdk")) {
      Command build =
          Command.of(Images.root(), "bash", script.toString(), cache.toString(), variant);
      build
          .run("bash", Duration.ofMinutes(10), logs.resolve("base-image-" + variant + ".log"))
          .expectSuccess(build);
      Path layout = cache.resolve(variant.equals("jre") ? "layout" : "layout-" + variant);
      pusher.push(layout, registry + "/flops/" + variant + ":17");
    }
  }

  /** Runs the Maven build of every service image into {@code registry}; returns its output. */
  static String buildServices(String registry, Path logs) {
    List<String> line = new ArrayList<>();
    line.add(Images.root().resolve("mvnw").toString());
    // Never -o: Jib refuses to push in offline mode (the plugin comes from the local repository).
    line.addAll(List.of("-B", "-ntp"));
    line.addAll(
        List.of(
            "-pl",
            String.join(",", SERVICES.stream().map(s -> "flops-" + s).toList()),
            "-am",
            "-Pimages",
            "-DskipTests",
            "-Dspotless.check.skip=true",
            "-Dflops.image.registry=" + registry,
            "package"));
    Command maven = new Command(line, Images.root(), java.util.Map.of());
    return maven
        .run("bash", Duration.ofMinutes(12), logs.resolve("jib-build.log"))
        .expectSuccess(maven);
  }
}
