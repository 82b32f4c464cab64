package io.flops.observer.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.flops.common.api.ProjectState;
import io.flops.common.events.ObserverEvent.Kind;
import io.flops.common.events.ObserverEvent.Level;
import java.util.Arrays;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The page's vocabulary is the enums' own, and its timeline places every state. */
class PageVocabularyTest {

  private static final JsonNode JSON =
      new ObjectMapper().valueToTree(new VocabularyController().vocabulary());

  private static List<String> texts(JsonNode array) {
    return StreamSupport.stream(array.spliterator(), false).map(JsonNode::asText).toList();
  }

  @ParameterizedTest
  @EnumSource(ProjectState.class)
  void everyStateButFailedAndCancelledIsOnExactlyOneTimelineStep(ProjectState state) {
    long steps =
        PageVocabulary.TIMELINE.stream().filter(step -> step.states().contains(state)).count();

    boolean endsOutsideTheTimeline =
        state == ProjectState.FAILED || state == ProjectState.CANCELLED;
    assertThat(steps).isEqualTo(endsOutsideTheTimeline ? 0 : 1);
  }

  @Test
  void theTimelineFollowsTheLifecycleOrder() {
    List<ProjectState> inTimeline =
        PageVocabulary.TIMELINE.stream().flatMap(step -> step.states().stream()).toList();

    assertThat(inTimeline).isSorted();
    assertThat(JSON.at("/timeline/0/key").asText()).isEqualTo("accepted");
    assertThat(texts(JSON.at("/timeline/0/states"))).containsExactly("ACCEPTED", "PREPARING");
  }

  @Test
  void theJsonNamesEveryStateKindAndLevel() {
    assertThat(JSON.get("project_states").findValuesAsText("name"))
        .containsExactlyElementsOf(Arrays.stream(ProjectState.values()).map(Enum::name).toList());
    assertThat(JSON.get("project_states").findValues("terminal"))
        .extracting(JsonNode::asBoolean)
        .containsExactlyElementsOf(
            Arrays.stream(ProjectState.values()).map(ProjectState::isTerminal).toList());
    assertThat(texts(JSON.get("event_kinds")))
        .containsExactlyElementsOf(Arrays.stream(Kind.values()).map(Enum::name).toList());
    assertThat(texts(JSON.get("event_levels")))
        .containsExactlyElementsOf(Arrays.stream(Level.values()).map(Enum::name).toList());
  }
}
