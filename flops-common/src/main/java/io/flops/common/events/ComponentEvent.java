package io.flops.common.events;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;

/**
 * A message from a component to the manager on {@code flops_manager/<component>/<status>}, keyed by
 * {@code flops_project_id} as in the original FLOps. Every event carries an {@code event_id} so the
 * manager can drop duplicates (MQTT QoS 1 delivers at least once).
 */
public sealed interface ComponentEvent {

  @JsonProperty("event_id")
  String eventId();

  @JsonProperty("flops_project_id")
  String projectId();

  /** The topic this event is published on. */
  String topic();

  /** Which image a builder run produces. */
  enum BuildPlan {
    FL_ACTORS,
    TRAINED_MODEL;

    Component component() {
      return this == FL_ACTORS
          ? Component.FL_ACTORS_IMAGE_BUILDER
          : Component.TRAINED_MODEL_IMAGE_BUILDER;
    }
  }

  /** The aggregator roles that report (cluster aggregators report to their root, not here). */
  enum AggregatorType {
    CLASSIC_AGGREGATOR,
    ROOT_AGGREGATOR,
    CLUSTER_AGGREGATOR
  }

  /** {@code flops_manager/{fl_actors,trained_model}_image_builder/started}. */
  record BuilderStarted(
      @JsonProperty("event_id") String eventId,
      @JsonProperty("flops_project_id") String projectId,
      @JsonProperty("build_plan") BuildPlan plan)
      implements ComponentEvent {
    @Override
    public String topic() {
      return Topics.manager(plan.component(), "started");
    }
  }

  /**
   * {@code .../success}: the images pushed, the commit they were built from, per-step timings in
   * milliseconds (clone, validate, compile, each image, push) and bytes pushed.
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  record BuilderSucceeded(
      @JsonProperty("event_id") String eventId,
      @JsonProperty("flops_project_id") String projectId,
      @JsonProperty("build_plan") BuildPlan plan,
      @JsonProperty("images") List<String> images,
      @JsonProperty("commit") String commit,
      @JsonProperty("timings_ms") Map<String, Long> timingsMillis,
      @JsonProperty("bytes_pushed") long bytesPushed)
      implements ComponentEvent {
    public BuilderSucceeded {
      images = images == null ? List.of() : List.copyOf(images);
      timingsMillis = timingsMillis == null ? Map.of() : Map.copyOf(timingsMillis);
    }

    @Override
    public String topic() {
      return Topics.manager(plan.component(), "success");
    }
  }

  /** {@code .../failed} with one readable sentence. */
  record BuilderFailed(
      @JsonProperty("event_id") String eventId,
      @JsonProperty("flops_project_id") String projectId,
      @JsonProperty("build_plan") BuildPlan plan,
      @JsonProperty("error_msg") String errorMessage)
      implements ComponentEvent {
    @Override
    public String topic() {
      return Topics.manager(plan.component(), "failed");
    }
  }

  /** {@code flops_manager/aggregator/started}. */
  record AggregatorStarted(
      @JsonProperty("event_id") String eventId,
      @JsonProperty("flops_project_id") String projectId,
      @JsonProperty("aggregator_type") AggregatorType aggregatorType)
      implements ComponentEvent {
    @Override
    public String topic() {
      return Topics.manager(Component.AGGREGATOR, "started");
    }
  }

  /**
   * {@code flops_manager/aggregator/success}: the best round's accuracy and loss and, when tracked,
   * the experiment, the best round's run and the logged model's URI.
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  record AggregatorSucceeded(
      @JsonProperty("event_id") String eventId,
      @JsonProperty("flops_project_id") String projectId,
      @JsonProperty("aggregator_type") AggregatorType aggregatorType,
      @JsonProperty("accuracy") Double accuracy,
      @JsonProperty("loss") Double loss,
      @JsonProperty("experiment_id") String experimentId,
      @JsonProperty("run_id") String runId,
      @JsonProperty("model_uri") String modelUri)
      implements ComponentEvent {
    @Override
    public String topic() {
      return Topics.manager(Component.AGGREGATOR, "success");
    }
  }

  /** {@code flops_manager/aggregator/failed}. */
  record AggregatorFailed(
      @JsonProperty("event_id") String eventId,
      @JsonProperty("flops_project_id") String projectId,
      @JsonProperty("aggregator_type") AggregatorType aggregatorType,
      @JsonProperty("error_msg") String errorMessage)
      implements ComponentEvent {
    @Override
    public String topic() {
      return Topics.manager(Component.AGGREGATOR, "failed");
    }
  }

  /**
   * {@code flops_manager/learner/failed}, e.g. "no data for tags [mnist] on data server host:port".
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  record LearnerFailed(
      @JsonProperty("event_id") String eventId,
      @JsonProperty("flops_project_id") String projectId,
      @JsonProperty("learner") String learner,
      @JsonProperty("error_msg") String errorMessage)
      implements ComponentEvent {
    @Override
    public String topic() {
      return Topics.manager(Component.LEARNER, "failed");
    }
  }

  /** {@code flops_manager/project_observer/failed} (the original used the key {@code flops_id}). */
  record ObserverFailed(
      @JsonProperty("event_id") String eventId,
      @JsonProperty("flops_project_id") @JsonAlias("flops_id") String projectId,
      @JsonProperty("error_msg") String errorMessage)
      implements ComponentEvent {
    @Override
    public String topic() {
      return Topics.manager(Component.PROJECT_OBSERVER, "failed");
    }
  }

  /**
   * {@code flops_manager/mock_data_provider/{success,failed}}; {@code flops_project_id} holds the
   * mock job's id. {@code errorMessage} is null on success.
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  record MockDataProviderFinished(
      @JsonProperty("event_id") String eventId,
      @JsonProperty("flops_project_id") String projectId,
      @JsonProperty("partition") int partition,
      @JsonProperty("rows") long rows,
      @JsonProperty("error_msg") String errorMessage)
      implements ComponentEvent {
    @Override
    public String topic() {
      return Topics.manager(
          Component.MOCK_DATA_PROVIDER, errorMessage == null ? "success" : "failed");
    }
  }
}
