package io.flops.manager.project;

import static io.flops.common.api.ProjectState.ACCEPTED;
import static io.flops.common.api.ProjectState.BUILDING_IMAGES;
import static io.flops.common.api.ProjectState.BUILDING_INFERENCE_IMAGE;
import static io.flops.common.api.ProjectState.CANCELLED;
import static io.flops.common.api.ProjectState.COMPLETED;
import static io.flops.common.api.ProjectState.DEPLOYING_INFERENCE;
import static io.flops.common.api.ProjectState.FAILED;
import static io.flops.common.api.ProjectState.PREPARING;
import static io.flops.common.api.ProjectState.STARTING_TRAINING;
import static io.flops.common.api.ProjectState.TRAINING;

import io.flops.common.api.ProjectState;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * The project lifecycle as one table of (state, trigger) → state. Every non-terminal state can fail
 * or be cancelled; terminal states have no way out.
 */
public final class Transitions {

  /** One row of the table. */
  public record Transition(ProjectState from, Trigger trigger, ProjectState to) {}

  private static final List<Transition> TABLE = build();

  private Transitions() {}

  private static List<Transition> build() {
    List<Transition> rows =
        new ArrayList<>(
            List.of(
                new Transition(ACCEPTED, Trigger.PREPARE, PREPARING),
                new Transition(PREPARING, Trigger.BUILD_IMAGES, BUILDING_IMAGES),
                new Transition(PREPARING, Trigger.REUSE_IMAGES, STARTING_TRAINING),
                new Transition(BUILDING_IMAGES, Trigger.IMAGES_BUILT, STARTING_TRAINING),
                new Transition(STARTING_TRAINING, Trigger.AGGREGATOR_STARTED, TRAINING),
                new Transition(TRAINING, Trigger.TRAINING_FINISHED, COMPLETED),
                new Transition(TRAINING, Trigger.BUILD_INFERENCE_IMAGE, BUILDING_INFERENCE_IMAGE),
                new Transition(BUILDING_INFERENCE_IMAGE, Trigger.INFERENCE_IMAGE_BUILT, COMPLETED),
                new Transition(
                    BUILDING_INFERENCE_IMAGE, Trigger.DEPLOY_INFERENCE, DEPLOYING_INFERENCE),
                new Transition(DEPLOYING_INFERENCE, Trigger.INFERENCE_RUNNING, COMPLETED)));
    Arrays.stream(ProjectState.values())
        .filter(state -> !state.isTerminal())
        .forEach(
            state -> {
              rows.add(new Transition(state, Trigger.FAIL, FAILED));
              rows.add(new Transition(state, Trigger.CANCEL, CANCELLED));
            });
    return Collections.unmodifiableList(rows);
  }

  /** Every row. */
  public static List<Transition> all() {
    return TABLE;
  }

  /** The row for {@code trigger} in {@code from}, if there is one. */
  public static Optional<Transition> find(ProjectState from, Trigger trigger) {
    return TABLE.stream().filter(t -> t.from() == from && t.trigger() == trigger).findFirst();
  }
}
