package io.flops.images;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The project's learner and aggregator images, built on this host by the builder's fl-actors plan
 * (with this host's Maven repository) into the registry, where the manager finds them for the
 * repository's commit and reuses them.
 */
final class ActorImages {

  private ActorImages() {}

  static void build(BuiltImages images, String repoUrl, Path work) {
    build(images, images.address(), repoUrl, work);
  }

  /** Builds them into {@code registry} ({@code host:port}) on the JRE base of {@code images}. */
  static void build(BuiltImages images, String registry, String repoUrl, Path work) {
    Command builder =
        new Command(
                List.of(DockerProjectIT.java(), "-jar", FlopsJars.exec("builder").toString()),
                work,
                Map.of())
            .withEnvironment(
                Map.of(
                    "FLOPS_PROJECT_ID",
                    "docker-project-it",
                    "FLOPS_BUILDER_PLAN",
                    "fl_actors",
                    "FLOPS_BUILDER_REPO_URL",
                    repoUrl,
                    "FLOPS_BUILDER_PLATFORMS",
                    "linux/amd64",
                    "FLOPS_BUILDER_REGISTRY",
                    registry,
                    "FLOPS_BUILDER_BASE_IMAGE",
                    images.jreBase(),
                    "FLOPS_BUILDER_CACHE_DIR",
                    work.resolve("jib-cache").toString(),
                    "FLOPS_BUILDER_MAVEN_COMMAND",
                    Images.root().resolve("mvnw").toString(),
                    "FLOPS_BUILDER_RUNTIME_LEARNER",
                    FlopsJars.exec("learner").toString(),
                    "FLOPS_BUILDER_RUNTIME_AGGREGATOR",
                    FlopsJars.exec("aggregator").toString()));
    builder
        .run("openjdk-17-jdk-headless", Duration.ofMinutes(10), work.resolve("fl-actors.log"))
        .expectSuccess(builder);
  }
}
