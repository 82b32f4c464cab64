package io.flops.aggregator.strategy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class FedAvgTest {

  @Test
  void weightsEachUpdateByItsExamples() {
    float[] mean =
        new FedAvg()
            .aggregate(
                new float[] {0, 0},
                List.of(
                    new ClientUpdate(new float[] {1, 2}, 1),
                    new ClientUpdate(new float[] {4, 8}, 3)));

    // (1·1 + 4·3) / 4 and (2·1 + 8·3) / 4
    assertThat(mean).containsExactly(3.25f, 6.5f);
  }

  @Test
  void foldsUpdatesOneAtATimeAsTheyArrive() {
    Aggregation round = new FedAvg().begin(new float[] {0, 0}, 2);

    round.add(new ClientUpdate(new float[] {1, 2}, 1));
    round.add(new ClientUpdate(new float[] {4, 8}, 3));

    assertThat(round.result()).containsExactly(3.25f, 6.5f);
  }

  @Test
  void updatesWithoutExamplesAreAveragedPlainly() {
    float[] mean =
        new FedAvg()
            .aggregate(
                new float[] {0},
                List.of(
                    new ClientUpdate(new float[] {1}, 0), new ClientUpdate(new float[] {3}, 0)));

    assertThat(mean).containsExactly(2f);
  }

  @Test
  void aRoundWithoutUpdatesCannotBeAggregated() {
    assertThatThrownBy(() -> new FedAvg().begin(new float[] {0}, 0).result())
        .hasMessage("Cannot aggregate a round without any update");
  }

  @Test
  void rejectsAnUpdateOfTheWrongLength() {
    assertThatThrownBy(
            () ->
                new FedAvg()
                    .aggregate(new float[] {0, 0}, List.of(new ClientUpdate(new float[] {1}, 1))))
        .hasMessage("A learner returned 1 parameters where the model has 2");
  }
}
