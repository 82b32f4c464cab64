package io.flops.manager.orchestration.local;

import static org.assertj.core.api.Assertions.assertThat;

import io.flops.common.orchestration.DeploymentState;
import io.flops.common.orchestration.InstancePlacement;
import io.flops.common.orchestration.Placement;
import io.flops.common.orchestration.ServiceKind;
import io.flops.common.orchestration.ServiceSpec;
import io.flops.manager.nodes.LearnerNode;
import io.flops.manager.nodes.NodeDirectory;
import io.flops.manager.nodes.SimulatedNodes;
import io.flops.manager.orchestration.OrchestratorProperties;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the local orchestrator gives its children: resource limits as JVM options, mapped image
 * paths, simulated clusters, one data server per simulated node, and FLOps' own services from jars.
 */
class LocalPlacementIT {

  @TempDir static Path dir;
  private static LocalProcessOrchestrator orchestrator;

  @BeforeAll
  static void start() throws Exception {
    orchestrator = LocalFixture.create(dir);
  }

  @AfterAll
  static void stop() {
    orchestrator.close();
  }

  @Test
  void resourcesBecomeJvmLimitsAndImagePathsAreMapped() {
    String id =
        orchestrator.deploy(report("limits", ServiceKind.AGGREGATOR, Placement.ANYWHERE, 1));

    List<String> log = finishedLog(id, 0);
    assertThat(log).contains("cpus=1");
    long maxMemoryMb = Long.parseLong(value(log, "maxMemoryMb"));
    assertThat(maxMemoryMb).isBetween(40L, 64L);
    assertThat(value(log, "TEST_HOME")).endsWith("/rootfs/app/classes").startsWith(dir.toString());
  }

  @Test
  void learnerOnSimulatedNodeKFindsDataServerK() {
    List<InstancePlacement> simulated = SimulatedNodes.placements(4, orchestrator.activeClusters());
    String dataServers =
        orchestrator.deploy(
            ServiceSpec.builder("dataservers", ServiceKind.DATA_SERVER, "test")
                .project("p1")
                .image(TestImages.TEST_SERVICE)
                .environment(Map.of("TEST_BEHAVIOUR", "serve"))
                .ports(11027, 11028)
                .instancePlacements(simulated)
                .storage("FLOPS_DATASERVER_STORAGE_DIR")
                .build());
    NodeDirectory nodes = new NodeDirectory();
    List<LearnerNode> known = new ArrayList<>();
    for (int k = 0; k < 4; k++) {
      known.add(SimulatedNodes.node(orchestrator, dataServers, k, simulated.get(k)));
    }
    nodes.register(known);
    String learners =
        orchestrator.deploy(
            placed(report("learners", ServiceKind.LEARNER, Placement.ANYWHERE, 4), nodes, null));
    String pinned =
        orchestrator.deploy(
            placed(
                report(
                    "pinned",
                    ServiceKind.LEARNER,
                    Placement.needs("FLOps-learner").inCluster("local-2"),
                    2),
                nodes,
                "local-2"));
    String provider =
        orchestrator.deploy(
            withEnvironment(
                report("provider", ServiceKind.MOCK_DATA_PROVIDER, Placement.ANYWHERE, 1),
                Map.of("FLOPS_MOCK_DATA_SERVERS", String.join(",", nodes.dataServers()))));

    for (int k = 0; k < 4; k++) {
      List<String> log = finishedLog(learners, k);
      assertThat(value(log, "FLOPS_LEARNER_DATA_SERVER"))
          .isEqualTo(orchestrator.address(dataServers, k).hostPort(11027));
      assertThat(value(log, "FLOPS_LOCAL_CLUSTER")).isEqualTo(k % 2 == 0 ? "local-1" : "local-2");
    }
    assertThat(value(finishedLog(pinned, 0), "FLOPS_LOCAL_NODE")).isEqualTo("1");
    assertThat(value(finishedLog(pinned, 1), "FLOPS_LOCAL_NODE")).isEqualTo("3");
    assertThat(value(finishedLog(pinned, 1), "FLOPS_LEARNER_DATA_SERVER"))
        .isEqualTo(orchestrator.address(dataServers, 3).hostPort(11027));
    assertThat(value(finishedLog(provider, 0), "FLOPS_MOCK_DATA_SERVERS").split(","))
        .containsExactly(
            orchestrator.address(dataServers, 0).hostPort(11027),
            orchestrator.address(dataServers, 1).hostPort(11027),
            orchestrator.address(dataServers, 2).hostPort(11027),
            orchestrator.address(dataServers, 3).hostPort(11027));
    assertThat(value(orchestrator.recentLogs(dataServers, 2, 20), "FLOPS_DATASERVER_STORAGE_DIR"))
        .endsWith("dataservers/2/data");
    assertThat(orchestrator.activeClusters()).hasSize(2);
    orchestrator.undeploy(dataServers);
  }

  /** {@code spec} with its instances placed on the known nodes (of {@code cluster}). */
  private static ServiceSpec placed(ServiceSpec spec, NodeDirectory nodes, String cluster) {
    return ServiceSpec.builder(spec.name(), spec.kind(), spec.applicationId())
        .project(spec.projectId())
        .image(spec.image())
        .environment(spec.environment())
        .placement(spec.placement())
        .oneShot()
        .instancePlacements(nodes.learnerPlacements(cluster, spec.instances()))
        .build();
  }

  private static ServiceSpec withEnvironment(ServiceSpec spec, Map<String, String> extra) {
    Map<String, String> environment = new HashMap<>(spec.environment());
    environment.putAll(extra);
    return ServiceSpec.builder(spec.name(), spec.kind(), spec.applicationId())
        .project(spec.projectId())
        .image(spec.image())
        .environment(environment)
        .placement(spec.placement())
        .oneShot()
        .instances(spec.instances())
        .build();
  }

  @Test
  void childrenInheritNoneOfTheManagersSecrets() throws Exception {
    Map<String, String> manager = new HashMap<>();
    manager.put("PATH", System.getenv("PATH"));
    manager.put("HOME", System.getProperty("user.home"));
    manager.put("LC_ALL", "C.UTF-8");
    manager.put("FLOPS_ADMIN_TOKEN", "s3cret-admin");
    manager.put("FLOPS_TRACKING_PASSWORD", "s3cret-tracking");
    manager.put("SPRING_DATA_MONGODB_URI", "mongodb://u:s3cret@db/flops");
    OrchestratorProperties.Local settings = LocalFixture.settings(dir);
    settings.setWorkDir(dir.resolve("sealed"));
    try (LocalProcessOrchestrator sealed =
        LocalOrchestratorConfiguration.create(settings, manager)) {
      String id = sealed.deploy(report("sealed", ServiceKind.LEARNER, Placement.ANYWHERE, 1));
      long deadline = System.nanoTime() + 60_000_000_000L;
      while (!sealed.status(id).state().isTerminal() && System.nanoTime() < deadline) {
        Thread.sleep(100);
      }
      List<String> names = List.of(value(sealed.recentLogs(id, 0, 50), "ENV_NAMES").split(","));

      assertThat(names).contains("PATH", "HOME", "LC_ALL", "TEST_BEHAVIOUR", "FLOPS_INSTANCE");
      assertThat(names)
          .doesNotContain(
              "FLOPS_ADMIN_TOKEN", "FLOPS_TRACKING_PASSWORD", "SPRING_DATA_MONGODB_URI");
    }
  }

  @Test
  void flopsServiceImagesRunFromTheirExecJars() throws Exception {
    Path target = Files.createDirectories(dir.resolve("home/flops-probe/target"));
    writeExecJar(target.resolve("flops-probe-0.1.0-SNAPSHOT-exec.jar"));
    ServiceSpec spec =
        new ServiceSpec(
            "probe",
            ServiceKind.PROJECT_OBSERVER,
            "test",
            "p1",
            "flops/probe:0.1.0-SNAPSHOT",
            List.of(),
            Map.of("TEST_BEHAVIOUR", "exit", "TEST_EXIT_CODE", "0"),
            List.of(),
            null,
            null,
            true,
            false,
            1);

    String id = orchestrator.deploy(spec);

    assertThat(await(id).state()).isEqualTo(DeploymentState.COMPLETED);
  }

  private static ServiceSpec report(String name, ServiceKind kind, Placement placement, int n) {
    return LocalFixture.spec(
        name, kind, Map.of("TEST_BEHAVIOUR", "report"), List.of(), true, placement, n);
  }

  private static io.flops.common.orchestration.DeploymentStatus await(String id) {
    long deadline = System.nanoTime() + 60_000_000_000L;
    while (!orchestrator.status(id).state().isTerminal() && System.nanoTime() < deadline) {
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        throw new AssertionError(e);
      }
    }
    return orchestrator.status(id);
  }

  private static List<String> finishedLog(String id, int instance) {
    assertThat(await(id).state()).isEqualTo(DeploymentState.COMPLETED);
    return orchestrator.recentLogs(id, instance, 50);
  }

  private static String value(List<String> log, String key) {
    return log.stream()
        .filter(line -> line.startsWith(key + "="))
        .map(line -> line.substring(key.length() + 1))
        .findFirst()
        .orElseThrow(() -> new AssertionError(key + " not in " + log));
  }

  private static void writeExecJar(Path jar) throws Exception {
    Manifest manifest = new Manifest();
    manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
    manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, TestImages.MAIN_CLASS);
    String classFile = TestImages.MAIN_CLASS.replace('.', '/') + ".class";
    Path compiled =
        Path.of(
            io.flops.manager.orchestration.testapp.TestService.class
                .getProtectionDomain()
                .getCodeSource()
                .getLocation()
                .toURI());
    try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar), manifest)) {
      out.putNextEntry(new JarEntry(classFile));
      out.write(Files.readAllBytes(compiled.resolve(classFile)));
      out.closeEntry();
    }
  }
}
