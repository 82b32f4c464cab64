package io.flops.observer.web;

import static io.flops.common.api.ProjectState.ACCEPTED;
import static io.flops.common.api.ProjectState.BUILDING_IMAGES;
import static io.flops.common.api.ProjectState.BUILDING_INFERENCE_IMAGE;
import static io.flops.common.api.ProjectState.COMPLETED;
import static io.flops.common.api.ProjectState.DEPLOYING_INFERENCE;
import static io.flops.common.api.ProjectState.PREPARING;
import static io.flops.common.api.ProjectState.STARTING_TRAINING;
import static io.flops.common.api.ProjectState.TRAINING;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.flops.common.api.ProjectState;
import io.flops.common.events.ObserverEvent.Kind;
import io.flops.common.events.ObserverEvent.Level;
import java.util.Arrays;
import java.util.List;

/**
 * The names the observer page speaks, taken from the enums that define them ({@code GET
 * /api/vocabulary}): the page spells none of them itself.
 *
 * @param projectStates every project state, in lifecycle order, with whether it is terminal
 * @param timeline the steps of the page's timeline, each with the project states it covers
 * @param eventKinds every observer event kind
 * @param eventLevels every observer event level, least severe first
 */
public record PageVocabulary(
    @JsonProperty("project_states") List<StateName> projectStates,
    @JsonProperty("timeline") List<TimelineStep> timeline,
    @JsonProperty("event_kinds") List<Kind> eventKinds,
    @JsonProperty("event_levels") List<Level> eventLevels) {

  /**
   * The page's timeline: <i>accepted → images → training → post-training → done</i>. A terminal
   * state without a step (failed, cancelled) marks the last step entered.
   */
  static final List<TimelineStep> TIMELINE =
      List.of(
          new TimelineStep("accepted", "Accepted", List.of(ACCEPTED, PREPARING)),
          new TimelineStep("images", "Images", List.of(BUILDING_IMAGES)),
          new TimelineStep("training", "Training", List.of(STARTING_TRAINING, TRAINING)),
          new TimelineStep(
              "post-training",
              "Post-training",
              List.of(BUILDING_INFERENCE_IMAGE, DEPLOYING_INFERENCE)),
          new TimelineStep("done", "Done", List.of(COMPLETED)));

  /** The vocabulary of this build. */
  static PageVocabulary current() {
    return new PageVocabulary(
        Arrays.stream(ProjectState.values())
            .map(state -> new StateName(state, state.isTerminal()))
            .toList(),
        TIMELINE,
        List.of(Kind.values()),
        List.of(Level.values()));
  }

  /**
   * A project state.
   *
   * @param name the state
   * @param terminal true when the project never leaves it
   */
  public record StateName(
      @JsonProperty("name") ProjectState name, @JsonProperty("terminal") boolean terminal) {}

  /**
   * One step of the page's timeline.
   *
   * @param key the step's id in the page ({@code data-stage})
   * @param label what the page shows
   * @param states the project states in which the project is at this step
   */
  public record TimelineStep(
      @JsonProperty("key") String key,
      @JsonProperty("label") String label,
      @JsonProperty("states") List<ProjectState> states) {}
}
