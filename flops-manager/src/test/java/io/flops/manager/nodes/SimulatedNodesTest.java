package io.flops.manager.nodes;

import static org.assertj.core.api.Assertions.assertThat;

import io.flops.common.launch.DataServerTlsLaunch;
import io.flops.common.orchestration.Cluster;
import io.flops.common.orchestration.DeploymentState;
import io.flops.common.orchestration.Locality;
import io.flops.common.orchestration.ServiceAddress;
import io.flops.common.orchestration.ServiceSpec;
import io.flops.manager.config.FlopsProperties;
import io.flops.manager.config.ImagesProperties;
import io.flops.manager.config.TrackingProperties;
import io.flops.manager.deploy.ParticipantCertificates;
import io.flops.manager.deploy.ServiceSpecs;
import io.flops.manager.deploy.TrainingCheckpoints;
import io.flops.manager.mqtt.EventKeys;
import io.flops.manager.mqtt.MqttCredential;
import io.flops.manager.mqtt.MqttEndpoint;
import io.flops.manager.mqtt.ServiceLaunches;
import io.flops.manager.support.InMemoryOrchestrator;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The simulated nodes' data servers: spread over the clusters, started again when they die. */
class SimulatedNodesTest {

  /** A platform on one host, where the manager simulates nodes. */
  private static class OneHost extends InMemoryOrchestrator {
    @Override
    public Locality locality() {
      return Locality.ONE_HOST;
    }
  }

  /**
   * A manager container on the services' network: users reach the data servers at the ports
   * published on the host, the manager at their addresses on the network.
   */
  private static final class ManagerOnNetwork extends OneHost {
    @Override
    public Optional<ServiceAddress> publicAddress(String deploymentId, int instance) {
      return Optional.of(
          new ServiceAddress(
              "192.0.2.1", Map.of(11027, 30000 + instance, 11028, 31000 + instance)));
    }

    @Override
    public ServiceAddress managerAddress(String deploymentId, int instance) {
      return address(deploymentId, instance);
    }
  }

  private final OneHost orchestrator = new OneHost();
  private final NodeDirectory directory = new NodeDirectory();
  private final SimulatedNodes nodes = nodesOn(orchestrator, directory);

  private static SimulatedNodes nodesOn(OneHost orchestrator, NodeDirectory directory) {
    return new SimulatedNodes(
        orchestrator,
        new ServiceSpecs(
            new FlopsProperties(),
            new ImagesProperties(),
            new TrackingProperties(),
            new ServiceLaunches(
                new MqttEndpoint("tcp://127.0.0.1:1883", "tcp://127.0.0.1:1883", "", ""),
                id -> MqttCredential.NONE,
                new EventKeys(new byte[32])),
            ParticipantCertificates.PLAINTEXT,
            new DataServerTokens("r", "w", "a"),
            DataServerCertificates.PLAINTEXT,
            Locality.ONE_HOST,
            directory,
            new TrainingCheckpoints(Path.of("data"), Locality.ONE_HOST, false)),
        directory,
        3);
  }

  @Test
  void theManagerAsksEachDataServerWhereItReachesIt() {
    ManagerOnNetwork platform = new ManagerOnNetwork();
    NodeDirectory known = new NodeDirectory();

    nodesOn(platform, known).start();

    String id = platform.idOf("dataserv");
    LearnerNode first = known.nodes().get(0);
    assertThat(first.dataServer()).isEqualTo(platform.address(id, 0).hostPort(11027));
    assertThat(first.publicDataServer()).isEqualTo("192.0.2.1:30000");
    assertThat(first.dataServerHttp()).isEqualTo(platform.address(id, 0).hostPort(11028));
  }

  @Test
  void nodesAreSpreadOverTheClustersEachWithItsDataServer() {
    orchestrator.setClusters(List.of(new Cluster("a", "a"), new Cluster("b", "b")));

    nodes.start();

    assertThat(directory.nodes()).extracting(LearnerNode::cluster).containsExactly("a", "b", "a");
    ServiceSpec servers = orchestrator.deployed().get(orchestrator.idOf("dataserv"));
    assertThat(servers.instances()).isEqualTo(3);
    assertThat(servers.storageVariable()).isEqualTo("FLOPS_DATASERVER_STORAGE_DIR");
    assertThat(DataServerTlsLaunch.fromEnvironment(servers.environment()))
        .as("flops.tls.enabled=false: plaintext, said explicitly")
        .isEqualTo(DataServerTlsLaunch.PLAINTEXT);
    assertThat(directory.dataServers())
        .containsExactly(
            orchestrator.address(orchestrator.idOf("dataserv"), 0).hostPort(11027),
            orchestrator.address(orchestrator.idOf("dataserv"), 1).hostPort(11027),
            orchestrator.address(orchestrator.idOf("dataserv"), 2).hostPort(11027));
  }

  @Test
  void dataServersThatDiedAreStartedAgainAndRegisteredAnew() {
    nodes.start();
    String first = orchestrator.idOf("dataserv");
    assertThat(nodes.restartIfGone()).as("running: nothing to do").isFalse();

    orchestrator.setState(first, DeploymentState.FAILED);

    assertThat(nodes.restartIfGone()).isTrue();
    String second = orchestrator.idOf("dataserv");
    assertThat(second).isNotEqualTo(first);
    assertThat(orchestrator.running()).extracting(ServiceSpec::name).containsExactly("dataserv");
    assertThat(directory.dataServers().get(0))
        .isEqualTo(orchestrator.address(second, 0).hostPort(11027));
  }
}
