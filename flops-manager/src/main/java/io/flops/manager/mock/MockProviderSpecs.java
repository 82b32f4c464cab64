package io.flops.manager.mock;

import io.flops.common.orchestration.Placement;
import io.flops.common.orchestration.Resources;
import io.flops.common.orchestration.ServiceKind;
import io.flops.common.orchestration.ServiceSpec;
import io.flops.common.sla.MockDataConfiguration;
import io.flops.manager.config.ImagesProperties;
import io.flops.manager.mqtt.MqttEndpoint;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The one-shot mock data provider of a job (docs/data.md, "How the manager deploys it"): the data
 * server image in provider mode, placed on a learner node; the local orchestrator adds {@code
 * FLOPS_MOCK_DATA_SERVERS} itself.
 */
@Component
public class MockProviderSpecs {

  /** Worker add-on the provider needs (it pushes to the learners' data servers). */
  public static final String LEARNER_ADDON = "FLOps-learner";

  private final ImagesProperties images;
  private final MqttEndpoint mqtt;

  public MockProviderSpecs(ImagesProperties images, MqttEndpoint mqtt) {
    this.images = images;
    this.mqtt = mqtt;
  }

  /** The provider of job {@code jobId} in application {@code applicationId}. */
  public ServiceSpec provider(String jobId, MockDataConfiguration mock, String applicationId) {
    Map<String, String> env = new LinkedHashMap<>();
    env.put("FLOPS_PROJECT_ID", jobId);
    env.put("FLOPS_MQTT_URL", mqtt.publicUrl());
    if (mqtt.hasCredentials()) {
      env.put("FLOPS_MQTT_USERNAME", mqtt.username());
      env.put("FLOPS_MQTT_PASSWORD", mqtt.password());
    }
    env.put("FLOPS_MOCK_DATASET", mock.datasetName());
    env.put("FLOPS_MOCK_DATA_TAG", mock.dataTag());
    env.put("FLOPS_MOCK_PARTITIONS", String.valueOf(mock.numberOfPartitions()));
    env.put("FLOPS_MOCK_PARTITIONER", mock.partitioner().jsonName());
    env.put("FLOPS_MOCK_ALPHA", String.valueOf(mock.alpha()));
    env.put("FLOPS_MOCK_LABELS_PER_PARTITION", String.valueOf(mock.labelsPerPartition()));
    env.put("FLOPS_MOCK_SEED", String.valueOf(mock.seed()));
    return new ServiceSpec(
        "mockdata" + jobId,
        ServiceKind.MOCK_DATA_PROVIDER,
        applicationId,
        jobId,
        images.getDataserver(),
        List.of(),
        env,
        List.of(),
        Resources.NONE,
        Placement.needs(LEARNER_ADDON),
        true,
        false,
        1);
  }
}
