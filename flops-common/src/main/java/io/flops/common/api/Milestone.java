package io.flops.common.api;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Locale;

/**
 * The instants of a project's run the manager reports in a project's {@code stage_timings}, in the
 * order a project reaches them; each one begins a {@link Stage} (the stages the original's
 * evaluation recorded, FLOPS-ORIGINAL §7). In JSON a milestone is its lower-case name, e.g. {@code
 * images_built}.
 */
public enum Milestone {
  /** The manager accepted the SLA. */
  ACCEPTED,
  /** The learner and aggregator images exist (built or reused). */
  IMAGES_BUILT,
  /** The aggregator runs and waits for learners. */
  TRAINING_STARTED,
  /** The first FL round finished. */
  FIRST_ROUND,
  /** Federated training finished successfully. */
  TRAINING_DONE,
  /** The trained model's inference image exists. */
  INFERENCE_IMAGE_BUILT,
  /** The inference server answers. */
  INFERENCE_READY,
  /** The project ended (completed, failed or cancelled); closes the last stage. */
  ENDED;

  /** The milestone's name in the API and in CSV headers, e.g. {@code images_built}. */
  @JsonValue
  public String jsonName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The milestone named {@code jsonName} in the API. */
  @JsonCreator
  public static Milestone of(String jsonName) {
    return Arrays.stream(values())
        .filter(milestone -> milestone.jsonName().equals(jsonName))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("unknown milestone '" + jsonName + "'"));
  }
}
