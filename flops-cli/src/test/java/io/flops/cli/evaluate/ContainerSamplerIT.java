package io.flops.cli.evaluate;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.dockerjava.api.DockerClient;
import com.google.cloud.tools.jib.api.Containerizer;
import com.google.cloud.tools.jib.api.Jib;
import com.google.cloud.tools.jib.api.TarImage;
import com.google.cloud.tools.jib.api.buildplan.AbsoluteUnixPath;
import com.google.cloud.tools.jib.api.buildplan.FileEntriesLayer;
import com.google.cloud.tools.jib.api.buildplan.FilePermissions;
import io.flops.common.testsupport.ExternalServer;
import io.flops.common.testsupport.PodmanService;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The container sampler against Podman's Docker-compatible API: a busybox container spinning in a
 * shell loop with a FLOps label, and an idle one without it.
 */
class ContainerSamplerIT {

  private static final String IMAGE = "localhost/flops-evaluate-test/busybox:1";

  @TempDir static Path dir;
  private static ExternalServer podman;
  private static DockerClient docker;
  private static final List<String> containers = new ArrayList<>();

  @BeforeAll
  static void start() throws Exception {
    ExternalServer.requireBinary("busybox", "busybox-static");
    Path tar = dir.resolve("busybox.tar");
    Jib.fromScratch()
        .addFileEntriesLayer(
            FileEntriesLayer.builder()
                .addEntry(
                    Path.of("/bin/busybox"),
                    AbsoluteUnixPath.get("/bin/busybox"),
                    FilePermissions.fromOctalString("755"))
                .build())
        .setEntrypoint("/bin/busybox")
        .setCreationTime(Instant.EPOCH)
        .containerize(
            Containerizer.to(TarImage.at(tar).named(IMAGE))
                .setBaseImageLayersCache(dir.resolve("jib/base"))
                .setApplicationLayersCache(dir.resolve("jib/app")));
    podman = PodmanService.start(dir.resolve("podman"));
    docker = DockerEngine.client(URI.create("tcp://127.0.0.1:" + podman.port()));
    try (InputStream image = Files.newInputStream(tar)) {
      docker.loadImageCmd(image).exec();
    }
  }

  @AfterAll
  static void stop() {
    if (docker != null) {
      containers.forEach(id -> docker.removeContainerCmd(id).withForce(true).exec());
      docker.removeImageCmd(IMAGE).withForce(true).exec();
    }
    if (podman != null) {
      podman.close();
    }
  }

  @Test
  void measuresTheLabelledContainersOnly() throws Exception {
    String busy = run(Map.of("io.flops.deployment", "evaluate-test"), "while :; do :; done");
    String idle = run(Map.of("purpose", "not-flops"), "sleep 300");

    try (ContainerSampler sampler =
        new ContainerSampler(
            DockerEngine.client(URI.create("tcp://127.0.0.1:" + podman.port())),
            List.of("io.flops.deployment", "io.flops.project=none"))) {
      ResourceReading first = sampler.read();
      Instant deadline = Instant.now().plusSeconds(20);
      while (!first.cpuTime().containsKey(busy) && Instant.now().isBefore(deadline)) {
        Thread.sleep(500);
        first = sampler.read();
      }
      Thread.sleep(3000);
      ResourceReading second = sampler.read();

      assertThat(second.cpuTime()).containsOnlyKeys(busy).doesNotContainKey(idle);
      assertThat(second.memoryBytes()).isPositive();
      // the spinning shell keeps most of a core busy, even on a loaded machine
      assertThat(ResourceSample.between(first, second).cpuPercent()).isGreaterThan(20);
      assertThat(sampler.target())
          .isEqualTo("the containers labelled io.flops.deployment or io.flops.project=none");

      docker.stopContainerCmd(busy).withTimeout(1).exec();
      assertThat(sampler.read().cpuTime()).isEmpty();
    }
  }

  private static String run(Map<String, String> labels, String script) {
    String id =
        docker
            .createContainerCmd(IMAGE)
            .withLabels(labels)
            .withCmd("sh", "-c", script)
            .exec()
            .getId();
    containers.add(id);
    docker.startContainerCmd(id).exec();
    return id;
  }
}
