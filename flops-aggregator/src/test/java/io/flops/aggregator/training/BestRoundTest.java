package io.flops.aggregator.training;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BestRoundTest {

  @Test
  void aNanAccuracyIsNeverTheBest() {
    BestRound best = new BestRound();

    best.roundFinished(report(1, Double.NaN, Double.NaN), new float[] {1f});
    best.roundFinished(report(2, 0.5, 0.2), new float[] {2f});
    best.roundFinished(report(3, Double.NaN, 0.1), new float[] {3f});

    assertThat(best.report().orElseThrow().round()).isEqualTo(2);
    assertThat(best.parameters()).containsExactly(2f);
  }

  @Test
  void withoutAnyFiniteAccuracyTheLastRoundIsChosenButNotCalledBest() {
    BestRound best = new BestRound();

    best.roundFinished(report(1, Double.NaN, 1), new float[] {1f});
    best.roundFinished(report(2, Double.POSITIVE_INFINITY, 1), new float[] {2f});

    assertThat(best.report()).isEmpty();
    assertThat(best.chosen().orElseThrow().round()).isEqualTo(2);
    assertThat(best.chosenParameters()).containsExactly(2f);
  }

  @Test
  void aLowerLossBreaksATie() {
    BestRound best = new BestRound();

    best.roundFinished(report(1, 0.9, 0.3), new float[] {1f});
    best.roundFinished(report(2, 0.9, 0.2), new float[] {2f});

    assertThat(best.report().orElseThrow().round()).isEqualTo(2);
  }

  private static RoundReport report(int round, double accuracy, double loss) {
    return new RoundReport(
        round,
        loss,
        accuracy,
        1,
        1,
        List.of(),
        Map.of(),
        Duration.ZERO,
        Duration.ZERO,
        Map.of(),
        0);
  }
}
