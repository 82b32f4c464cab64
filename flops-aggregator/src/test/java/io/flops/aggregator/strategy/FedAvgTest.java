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
  void rejectsAnUpdateOfTheWrongLength() {
    assertThatThrownBy(
            () ->
                new FedAvg()
                    .aggregate(new float[] {0, 0}, List.of(new ClientUpdate(new float[] {1}, 1))))
        .hasMessage("A learner returned 1 parameters where the model has 2");
  }
}
