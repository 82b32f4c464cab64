package io.flops.manager.config;

import io.flops.common.api.ProjectState;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.util.Optional;

/**
 * How long a project may wait in each state before it fails ({@code flops.lifecycle.deadlines.*}):
 * no waiting state lasts forever, whatever report is lost. Measured from the moment the project
 * entered the state (kept across manager restarts).
 */
public class Deadlines {

  /** For a worker to pick an accepted project up. */
  @NotNull private Duration accepted = Duration.ofMinutes(5);

  /** For the repository look-up, the applications and the observer. */
  @NotNull private Duration preparing = Duration.ofMinutes(10);

  /** For the learner and aggregator images (clone, compile, build, push). */
  @NotNull private Duration buildingImages = Duration.ofMinutes(30);

  /** For the aggregator to start once training services are deployed (images pulled). */
  @NotNull private Duration startingTraining = Duration.ofMinutes(15);

  /** For training to finish: a ceiling over every round and its timeout. */
  @NotNull private Duration training = Duration.ofHours(12);

  /** For the trained model's inference image. */
  @NotNull private Duration buildingInferenceImage = Duration.ofMinutes(30);

  /** For the inference server to run (an unanswered {@code /ping} completes it anyway). */
  @NotNull private Duration deployingInference = Duration.ofMinutes(15);

  /** The deadline of {@code state}, empty for terminal states. */
  public Optional<Duration> of(ProjectState state) {
    return Optional.ofNullable(
        switch (state) {
          case ACCEPTED -> accepted;
          case PREPARING -> preparing;
          case BUILDING_IMAGES -> buildingImages;
          case STARTING_TRAINING -> startingTraining;
          case TRAINING -> training;
          case BUILDING_INFERENCE_IMAGE -> buildingInferenceImage;
          case DEPLOYING_INFERENCE -> deployingInference;
          case COMPLETED, FAILED, CANCELLED -> null;
        });
  }

  /** What a project in {@code state} waits for, e.g. "the aggregator to start". */
  public static String waitingFor(ProjectState state) {
    return switch (state) {
      case ACCEPTED -> "a worker to pick it up";
      case PREPARING -> "its repository, applications and observer";
      case BUILDING_IMAGES -> "its learner and aggregator images";
      case STARTING_TRAINING -> "its aggregator to start";
      case TRAINING -> "training to finish";
      case BUILDING_INFERENCE_IMAGE -> "the trained model's image";
      case DEPLOYING_INFERENCE -> "its inference server to run";
      case COMPLETED, FAILED, CANCELLED -> "nothing";
    };
  }

  /** The property that sets the deadline of {@code state}. */
  public static String setting(ProjectState state) {
    return "flops.lifecycle.deadlines." + state.name().toLowerCase().replace('_', '-');
  }

  public Duration getAccepted() {
    return accepted;
  }

  public void setAccepted(Duration accepted) {
    this.accepted = accepted;
  }

  public Duration getPreparing() {
    return preparing;
  }

  public void setPreparing(Duration preparing) {
    this.preparing = preparing;
  }

  public Duration getBuildingImages() {
    return buildingImages;
  }

  public void setBuildingImages(Duration buildingImages) {
    this.buildingImages = buildingImages;
  }

  public Duration getStartingTraining() {
    return startingTraining;
  }

  public void setStartingTraining(Duration startingTraining) {
    this.startingTraining = startingTraining;
  }

  public Duration getTraining() {
    return training;
  }

  public void setTraining(Duration training) {
    this.training = training;
  }

  public Duration getBuildingInferenceImage() {
    return buildingInferenceImage;
  }

  public void setBuildingInferenceImage(Duration buildingInferenceImage) {
    this.buildingInferenceImage = buildingInferenceImage;
  }

  public Duration getDeployingInference() {
    return deployingInference;
  }

  public void setDeployingInference(Duration deployingInference) {
    this.deployingInference = deployingInference;
  }
}
