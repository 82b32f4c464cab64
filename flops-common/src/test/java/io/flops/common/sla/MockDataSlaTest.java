package io.flops.common.sla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.flops.common.error.FieldError;
import io.flops.common.error.FlopsException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class MockDataSlaTest {

  private final SlaValidator validator = new SlaValidator();

  private static MockDataSla read(String json) {
    return SlaJson.readMock(json.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void anEmptyRequestGetsTheOriginalDefaultsAndTheDatasetAsTag() {
    MockDataSla sla = read("{}");

    assertThat(validator.check(sla)).isEmpty();
    assertThat(sla.customerId()).isEqualTo("Admin");
    MockDataConfiguration config = sla.mockDataConfiguration();
    assertThat(config.datasetName()).isEqualTo("mnist");
    assertThat(config.numberOfPartitions()).isEqualTo(1);
    assertThat(config.dataTag()).isEqualTo("mnist");
    assertThat(config.partitioner()).isEqualTo(Partitioner.IID);
    assertThat(config.alpha()).isEqualTo(0.5);
    assertThat(config.seed()).isEqualTo(42L);
  }

  @Test
  void theOriginalsExampleIsAccepted() {
    MockDataSla sla =
        read(
            """
            {"customer_id":"acme","mock_data_configuration":{"dataset_name":"mnist",
             "number_of_partitions":3,"data_tag":"mnist","partitioner":"dirichlet","alpha":0.1,"seed":7}}""");

    assertThat(validator.check(sla)).isEmpty();
    assertThat(sla.customerId()).isEqualTo("acme");
    assertThat(sla.mockDataConfiguration().partitioner()).isEqualTo(Partitioner.DIRICHLET);
  }

  @Test
  void badPartitionsAlphaAndTagAreReported() {
    MockDataSla sla =
        read(
            "{\"mock_data_configuration\":{\"number_of_partitions\":0,\"alpha\":0,\"data_tag\":\"a.b\"}}");

    assertThat(validator.check(sla))
        .extracting(FieldError::pointer)
        .containsExactly(
            "/mock_data_configuration/alpha",
            "/mock_data_configuration/data_tag",
            "/mock_data_configuration/number_of_partitions");
  }

  @Test
  void unknownPartitionersAndFieldsAreRefused() {
    assertThatThrownBy(() -> read("{\"mock_data_configuration\":{\"partitioner\":\"skewed\"}}"))
        .isInstanceOf(FlopsException.class)
        .hasMessageContaining("allowed: [iid, dirichlet, labels]");
    assertThatThrownBy(() -> read("{\"mock_data_configuration\":{\"partitions\":3}}"))
        .isInstanceOf(FlopsException.class)
        .hasMessageContaining("'partitions' is not a known field");
  }
}
