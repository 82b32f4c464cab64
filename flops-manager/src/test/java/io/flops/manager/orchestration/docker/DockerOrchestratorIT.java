package io.flops.manager.orchestration.docker;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.cloud.tools.jib.api.Containerizer;
import com.google.cloud.tools.jib.api.Jib;
import com.google.cloud.tools.jib.api.RegistryImage;
import com.google.cloud.tools.jib.api.buildplan.AbsoluteUnixPath;
import com.google.cloud.tools.jib.api.buildplan.FileEntriesLayer;
import com.google.cloud.tools.jib.api.buildplan.FilePermissions;
import io.flops.common.orchestration.DeploymentState;
import io.flops.common.orchestration.Orchestrator;
import io.flops.common.orchestration.OrchestratorContract;
import io.flops.common.orchestration.Placement;
import io.flops.common.orchestration.Resources;
import io.flops.common.orchestration.ServiceAddress;
import io.flops.common.orchestration.ServiceKind;
import io.flops.common.orchestration.ServiceSpec;
import io.flops.common.testsupport.CncfRegistry;
import io.flops.common.testsupport.ExternalServer;
import io.flops.common.testsupport.PodmanService;
import io.flops.manager.nodes.LearnerNode;
import io.flops.manager.nodes.NodeDirectory;
import io.flops.manager.orchestration.OrchestratorProperties;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Docker adapter passes the contract against Podman's Docker-compatible service, running a
 * busybox image built by Jib and pushed to a local CNCF registry over plain HTTP.
 */
class DockerOrchestratorIT extends OrchestratorContract {

  @TempDir static Path dir;
  private static ExternalServer registry;
  private static ExternalServer podman;
  private static DockerOrchestrator orchestrator;
  private static String image;

  @BeforeAll
  static void start() throws Exception {
    ExternalServer.requireBinary("busybox", "busybox-static");
    registry = CncfRegistry.start(dir.resolve("registry"));
    image = CncfRegistry.address(registry) + "/flops-test/busybox:1";
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
            Containerizer.to(RegistryImage.named(image))
                .setAllowInsecureRegistries(true)
                .setBaseImageLayersCache(dir.resolve("jib/base"))
                .setApplicationLayersCache(dir.resolve("jib/app")));
    podman = PodmanService.start(dir.resolve("podman"), CncfRegistry.address(registry));
    OrchestratorProperties.Docker settings = new OrchestratorProperties.Docker();
    settings.setHost("tcp://127.0.0.1:" + podman.port());
    settings.setNetwork("flopstest");
    settings.setStopTimeout(Duration.ofSeconds(2));
    Files.createDirectories(dir.resolve("shared"));
    orchestrator = DockerOrchestratorConfiguration.create(settings);
  }

  @AfterAll
  static void stop() throws Exception {
    if (orchestrator != null) {
      orchestrator.close();
    }
    if (image != null) {
      // the pulled test image would otherwise stay in Podman's storage after every run
      new ProcessBuilder("podman", "rmi", "-f", "--ignore", image).inheritIO().start().waitFor();
    }
    if (podman != null) {
      podman.close();
    }
    if (registry != null) {
      registry.close();
    }
  }

  @Override
  protected Orchestrator orchestrator() {
    return orchestrator;
  }

  @Override
  protected ServiceSpec longRunning(String name) {
    return spec(
        name,
        List.of(
            "sh",
            "-c",
            "/bin/busybox mkdir -p /www && echo ok > /www/index.html"
                + " && exec /bin/busybox httpd -f -p 8080 -h /www"),
        List.of(8080),
        false);
  }

  @Override
  protected ServiceSpec oneShot(String name, int exitCode) {
    return spec(name, List.of("sh", "-c", "exit " + exitCode), List.of(), true);
  }

  @Override
  protected void assertReachable(ServiceAddress address) {
    long deadline = System.nanoTime() + 30_000_000_000L;
    while (true) {
      try (Socket socket = new Socket()) {
        socket.connect(new InetSocketAddress(address.host(), address.ports().get(8080)), 1000);
        OutputStream out = socket.getOutputStream();
        out.write("GET /index.html HTTP/1.0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        out.flush();
        BufferedReader reader =
            new BufferedReader(
                new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
        assertThat(reader.readLine()).startsWith("HTTP/1.").contains("200");
        return;
      } catch (java.io.IOException notYet) {
        if (System.nanoTime() > deadline) {
          throw new AssertionError("Nothing answers at " + address, notYet);
        }
        try {
          Thread.sleep(300);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new AssertionError(e);
        }
      }
    }
  }

  @Test
  void eachLearnerReadsFromItsNodesDataServerAndSharedDirectoriesAreMounted() throws Exception {
    ServiceSpec servers =
        withKind(longRunning(name("dsrv")), ServiceKind.DATA_SERVER, List.of(11027), 2);
    String serversId = deploy(servers);
    NodeDirectory nodes = new NodeDirectory();
    nodes.register(List.of(node(serversId, 0), node(serversId, 1)));
    Path shared = dir.resolve("shared");
    ServiceSpec learners =
        ServiceSpec.builder(name("lrn"), ServiceKind.LEARNER, "test")
            .project("p1")
            .image(image)
            .command(
                List.of("sh", "-c", "echo $FLOPS_LEARNER_DATA_SERVER > " + shared + "/$HOSTNAME"))
            .oneShot()
            .instancePlacements(nodes.learnerPlacements(null, 2))
            .hostDirectories(List.of(shared))
            .build();

    String id = deploy(learners);

    assertThat(awaitStatus(id, s -> s.state().isTerminal()).state())
        .isEqualTo(DeploymentState.COMPLETED);
    assertThat(Files.readString(shared.resolve(learners.name() + "-0")).trim())
        .isEqualTo(orchestrator.address(serversId, 0).hostPort(11027));
    assertThat(Files.readString(shared.resolve(learners.name() + "-1")).trim())
        .isEqualTo(orchestrator.address(serversId, 1).hostPort(11027));
  }

  private static LearnerNode node(String dataServers, int instance) {
    String address = orchestrator.address(dataServers, instance).hostPort(11027);
    return new LearnerNode("docker", Integer.toString(instance), address, address, address);
  }

  private static ServiceSpec withKind(
      ServiceSpec spec, ServiceKind kind, List<Integer> ports, int instances) {
    return new ServiceSpec(
        spec.name(),
        kind,
        spec.applicationId(),
        spec.projectId(),
        spec.image(),
        spec.command(),
        spec.environment(),
        ports.isEmpty() ? spec.ports() : ports,
        spec.resources(),
        spec.placement(),
        spec.oneShot(),
        spec.privileged(),
        instances);
  }

  private static ServiceSpec spec(
      String name, List<String> command, List<Integer> ports, boolean oneShot) {
    return new ServiceSpec(
        name,
        ServiceKind.AGGREGATOR,
        "test",
        "p1",
        image,
        command,
        Map.of("FLOPS_PROJECT_ID", "p1"),
        ports,
        new Resources(64, 1, 0),
        Placement.ANYWHERE,
        oneShot,
        false,
        1);
  }
}
