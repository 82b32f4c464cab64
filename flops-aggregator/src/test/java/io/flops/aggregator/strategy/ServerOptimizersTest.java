package io.flops.aggregator.strategy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * FedAdam, FedYogi and FedAdagrad with η = 0.1, β1 = 0.9, β2 = 0.99, τ = 0.001 over two rounds from
 * the global value 1: round 1 the learner returns 3 (Δ = 2), round 2 it returns 1 (Δ = 0), so only
 * the kept moments move the model. With momentum m = 0.2 after round 1 and 0.18 after round 2.
 */
class ServerOptimizersTest {

  private static final OptimizerSettings SETTINGS =
      new OptimizerSettings(0.1f, 0.9f, 0.99f, 0.001f);

  @Test
  void fedAdam() {
    // v1 = 0.01·4 = 0.04 → 1 + 0.1·0.2/(0.2 + 0.001); v2 = 0.99·0.04 = 0.0396 → 1 +
    // 0.1·0.18/(√0.0396 + 0.001)
    assertTwoRounds(new FedAdam(SETTINGS), 1.0995025f, 1.0900011f);
  }

  @Test
  void fedYogi() {
    // v1 = 0 − 0.01·4·sign(0 − 4) = 0.04; v2 = 0.04 − 0 = 0.04 → 1 + 0.1·0.18/(0.2 + 0.001)
    assertTwoRounds(new FedYogi(SETTINGS), 1.0995025f, 1.0895522f);
  }

  @Test
  void fedAdagrad() {
    // no momentum: m1 = Δ = 2, v1 = 4 → 1 + 0.1·2/(2 + 0.001); m2 = 0 → the global value stays
    assertTwoRounds(new FedAdagrad(SETTINGS), 1.0999500f, 1.0f);
  }

  @Test
  void theMomentsCarriedThroughACheckpointGiveTheSameSecondRound() {
    FedAdam original = new FedAdam(SETTINGS);
    original.aggregate(new float[] {1}, List.of(new ClientUpdate(new float[] {3}, 10)));
    FedAdam restarted = new FedAdam(SETTINGS);

    restarted.restore(original.state());

    assertThat(
            restarted.aggregate(new float[] {1}, List.of(new ClientUpdate(new float[] {1}, 10)))[0])
        .isCloseTo(1.0900011f, within(1e-6f));
  }

  private static void assertTwoRounds(Strategy strategy, float first, float second) {
    float[] round1 =
        strategy.aggregate(new float[] {1}, List.of(new ClientUpdate(new float[] {3}, 10)));
    float[] round2 =
        strategy.aggregate(new float[] {1}, List.of(new ClientUpdate(new float[] {1}, 10)));

    assertThat(round1[0]).isCloseTo(first, within(1e-6f));
    assertThat(round2[0]).isCloseTo(second, within(1e-6f));
  }
}
