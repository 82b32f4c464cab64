package io.flops.common.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/** The API's vocabulary: JSON names, terminal states, and stages between milestones. */
class ApiVocabularyTest {

  @ParameterizedTest
  @EnumSource(Milestone.class)
  void aMilestoneIsReadBackFromItsJsonName(Milestone milestone) {
    assertThat(milestone.jsonName()).isEqualTo(milestone.name().toLowerCase());
    assertThat(Milestone.of(milestone.jsonName())).isSameAs(milestone);
  }

  @Test
  void anUnknownMilestoneIsNamed() {
    assertThatThrownBy(() -> Milestone.of("lunch")).hasMessageContaining("'lunch'");
  }

  @Test
  void eachStageButTheFirstBeginsAtTheNextMilestoneAndTheEndClosesTheLast() {
    List<Milestone> begins =
        Arrays.stream(Stage.values()).map(Stage::begin).flatMap(Optional::stream).toList();

    assertThat(Stage.SUBMISSION.begin()).isEmpty();
    assertThat(begins).hasSize(Stage.values().length - 1).isSorted();
    assertThat(begins).doesNotContain(Stage.END).doesNotHaveDuplicates();
    assertThat(begins.size() + 1).isEqualTo(Milestone.values().length);
    assertThat(Stage.END).isEqualTo(Milestone.values()[Milestone.values().length - 1]);
  }

  @Test
  void everyStageHasItsOwnColourAndALowerCaseLabel() {
    assertThat(Arrays.stream(Stage.values()).map(Stage::rgb)).doesNotHaveDuplicates();
    assertThat(Stage.IMAGE_BUILD.label()).isEqualTo("image_build");
  }

  @ParameterizedTest
  @CsvSource({
    "ACCEPTED, false",
    "PREPARING, false",
    "BUILDING_IMAGES, false",
    "STARTING_TRAINING, false",
    "TRAINING, false",
    "BUILDING_INFERENCE_IMAGE, false",
    "DEPLOYING_INFERENCE, false",
    "COMPLETED, true",
    "FAILED, true",
    "CANCELLED, true"
  })
  void aProjectStateKnowsWhetherItIsTerminal(ProjectState state, boolean terminal) {
    assertThat(state.isTerminal()).isEqualTo(terminal);
  }

  @ParameterizedTest
  @CsvSource({"RUNNING, false", "COMPLETED, true", "FAILED, true"})
  void aMockJobStateKnowsWhetherItIsTerminal(MockJobState state, boolean terminal) {
    assertThat(state.isTerminal()).isEqualTo(terminal);
  }

  @ParameterizedTest
  @CsvSource({"SERVER, server", "FILE_STORE, file-store", "NONE, none"})
  void aTrackingKindIsReadBackFromItsJsonName(TrackingKind kind, String jsonName) {
    assertThat(kind.jsonName()).isEqualTo(jsonName);
    assertThat(TrackingKind.of(jsonName)).isSameAs(kind);
  }
}
