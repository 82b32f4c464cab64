package io.flops.manager.mock;

import io.flops.common.launch.MockProviderLaunch;
import io.flops.common.orchestration.Placement;
import io.flops.common.orchestration.Resources;
import io.flops.common.orchestration.ServiceKind;
import io.flops.common.orchestration.ServiceSpec;
import io.flops.common.sla.MockDataConfiguration;
import io.flops.manager.config.ImagesProperties;
import io.flops.manager.mqtt.ServiceLaunches;
import io.flops.manager.nodes.DataServerCertificates;
import io.flops.manager.nodes.DataServerTokens;
import io.flops.manager.nodes.NodeDirectory;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The one-shot mock data provider of a job (docs/data.md, "How the manager deploys it"): the data
 * server image in provider mode, placed on a learner node, pushing partition {@code k} to the data
 * server of the {@code k}-th known node ({@link NodeDirectory}).
 */
@Component
public class MockProviderSpecs {

  /** Worker add-on the provider needs (it pushes to the learners' data servers). */
  public static final String LEARNER_ADDON = "FLOps-learner";

  private final ImagesProperties images;
  private final ServiceLaunches services;
  private final NodeDirectory nodes;
  private final DataServerTokens dataTokens;
  private final DataServerCertificates dataCertificates;

  public MockProviderSpecs(
      ImagesProperties images,
      ServiceLaunches services,
      NodeDirectory nodes,
      DataServerTokens dataTokens,
      DataServerCertificates dataCertificates) {
    this.images = images;
    this.services = services;
    this.nodes = nodes;
    this.dataTokens = dataTokens;
    this.dataCertificates = dataCertificates;
  }

  /** Withdraws the broker credential of job {@code jobId}'s provider (it has ended). */
  public void revokeCredentials(String jobId) {
    services.revoke(jobId);
  }

  /** The provider of job {@code jobId} in application {@code applicationId}. */
  public ServiceSpec provider(String jobId, MockDataConfiguration mock, String applicationId) {
    MockProviderLaunch launch =
        new MockProviderLaunch(
            services.of(jobId, false),
            mock.datasetName(),
            mock.dataTag(),
            nodes.dataServers(),
            mock.numberOfPartitions(),
            mock.partitioner(),
            mock.alpha(),
            mock.labelsPerPartition(),
            mock.seed(),
            null,
            dataTokens.writer(),
            dataCertificates.authorityPem());
    return new ServiceSpec(
        "mockdata" + jobId,
        ServiceKind.MOCK_DATA_PROVIDER,
        applicationId,
        jobId,
        images.getDataserver(),
        List.of(),
        launch.toEnvironment(),
        List.of(),
        Resources.NONE,
        Placement.needs(LEARNER_ADDON),
        true,
        false,
        1);
  }
}
