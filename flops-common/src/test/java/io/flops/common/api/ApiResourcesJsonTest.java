package io.flops.common.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.flops.common.error.FieldError;
import io.flops.common.sla.MockDataConfiguration;
import io.flops.common.sla.SlaJson;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The resources read back as they were written, under their documented snake_case names. */
class ApiResourcesJsonTest {

  private static final ObjectMapper JSON =
      new ObjectMapper()
          .registerModule(new JavaTimeModule())
          .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
  private static final Instant T0 = Instant.parse("2026-11-23T12:00:00Z");

  private static <T> T roundTrip(T value, Class<T> type) throws Exception {
    return JSON.readValue(JSON.writeValueAsBytes(value), type);
  }

  @Test
  void aMockJobKeepsItsStateAndPartitions() throws Exception {
    MockDataConfiguration configuration =
        SlaJson.readMock(
                """
                {"customerID":"acme","mock_data_configuration":{"dataset_name":"mnist",
                 "data_tag":"mnist","number_of_partitions":2}}"""
                    .getBytes(StandardCharsets.UTF_8))
            .mockDataConfiguration();
    MockJobView job =
        new MockJobView(
            "m1",
            "acme",
            configuration,
            "d1",
            MockJobState.COMPLETED,
            List.of(0, 1),
            70_000,
            null,
            T0,
            T0.plusSeconds(9));

    JsonNode json = JSON.valueToTree(job);

    assertThat(roundTrip(job, MockJobView.class)).isEqualTo(job);
    assertThat(json.fieldNames())
        .toIterable()
        .containsExactly(
            "mock_id",
            "customerID",
            "mock_data_configuration",
            "deployment_id",
            "state",
            "pushed_partitions",
            "rows",
            "created_at",
            "updated_at");
    assertThat(json.get("state").asText()).isEqualTo("COMPLETED");
  }

  @Test
  void aTrackingAnswerLeavesOutWhatItsKindDoesNotHave() throws Exception {
    TrackingView store =
        new TrackingView("acme", TrackingKind.FILE_STORE, "", "/d/mlruns", "mlflow ui ...");

    assertThat(JSON.writeValueAsString(store))
        .isEqualTo(
            "{\"customerID\":\"acme\",\"kind\":\"file-store\",\"store_directory\":\"/d/mlruns\","
                + "\"ui_command\":\"mlflow ui ...\"}");
    assertThat(roundTrip(store, TrackingView.class).kind()).isEqualTo(TrackingKind.FILE_STORE);
  }

  @Test
  void stageTimingsAreKeyedByMilestoneNamesInMilestoneOrder() throws Exception {
    ProjectView view =
        new ProjectView(
            "p1",
            "acme",
            ProjectState.TRAINING,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            Map.of(Milestone.FIRST_ROUND, T0.plusSeconds(9), Milestone.ACCEPTED, T0),
            T0,
            T0);

    JsonNode json = JSON.valueToTree(view);

    assertThat(json.get("stage_timings").fieldNames())
        .toIterable()
        .containsExactly("accepted", "first_round");
    assertThat(roundTrip(view, ProjectView.class)).isEqualTo(view);
  }

  @Test
  void aProblemWithFieldErrorsReadsBack() throws Exception {
    Problem problem =
        new Problem(
            URI.create("urn:flops:problem:invalid-input"),
            "Bad Request",
            400,
            "The SLA is invalid.",
            null,
            List.of(new FieldError("/ml_repo_url", "must be a URL")));

    assertThat(roundTrip(problem, Problem.class)).isEqualTo(problem);
    assertThat(JSON.valueToTree(problem).at("/errors/0/pointer").asText())
        .isEqualTo("/ml_repo_url");
  }
}
