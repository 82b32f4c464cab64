package io.flops.manager.nodes;

import static org.assertj.core.api.Assertions.assertThat;

import io.flops.common.orchestration.Cluster;
import io.flops.common.orchestration.DeploymentState;
import io.flops.common.orchestration.Locality;
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
import org.junit.jupiter.api.Test;

/** The simulated nodes' data servers: spread over the clusters, started again when they die. */
class SimulatedNodesTest {

  /** A platform on one host, where the manager simulates nodes. */
  private static final class OneHost extends InMemoryOrchestrator {
    @Override
    public Locality locality() {
      return Locality.ONE_HOST;
    }
  }

  private final OneHost orchestrator = new OneHost();
  private final NodeDirectory directory = new NodeDirectory();
  private final SimulatedNodes nodes =
      new SimulatedNodes(
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
              Locality.ONE_HOST,
              directory,
              new TrainingCheckpoints(Path.of("data"), Locality.ONE_HOST, false)),
          directory,
          3);

  @Test
  void nodesAreSpreadOverTheClustersEachWithItsDataServer() {
    orchestrator.setClusters(List.of(new Cluster("a", "a"), new Cluster("b", "b")));

    nodes.start();

    assertThat(directory.nodes()).extracting(LearnerNode::cluster).containsExactly("a", "b", "a");
    ServiceSpec servers = orchestrator.deployed().get(orchestrator.idOf("dataserv"));
    assertThat(servers.instances()).isEqualTo(3);
    assertThat(servers.storageVariable()).isEqualTo("FLOPS_DATASERVER_STORAGE_DIR");
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
