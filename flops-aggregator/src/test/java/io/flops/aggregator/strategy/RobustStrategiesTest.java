package io.flops.aggregator.strategy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class RobustStrategiesTest {

  private static final float[] GLOBAL = {0, 0};

  @Test
  void fedMedianTakesTheMiddleValueOfEachCoordinateIgnoringWeights() {
    List<ClientUpdate> odd = List.of(update(1, 10, 1), update(2, 20, 1), update(100, -5, 1000));
    List<ClientUpdate> even =
        List.of(update(1, 0, 1), update(3, 0, 1), update(5, 0, 1), update(100, 0, 1));

    assertThat(new FedMedian().aggregate(GLOBAL, odd)).containsExactly(2f, 10f);
    assertThat(new FedMedian().aggregate(GLOBAL, even)).containsExactly(4f, 0f);
  }

  @Test
  void trimmedMeanDropsTheExtremesOfEachCoordinate() {
    List<ClientUpdate> updates =
        List.of(update(1, -50, 1), update(3, 2, 1), update(5, 4, 1), update(100, 6, 1));

    // β = 0.25 of 4 cuts one value at each end: (3 + 5)/2 and (2 + 4)/2
    assertThat(new TrimmedMean(0.25).aggregate(GLOBAL, updates)).containsExactly(4f, 3f);
    // β = 0 is the plain mean: 109/4 and −38/4
    assertThat(new TrimmedMean(0).aggregate(GLOBAL, updates)).containsExactly(27.25f, -9.5f);
  }

  @Test
  void krumPicksTheUpdateClosestToItsNeighbours() {
    // squared distances: ab = 1, ac = 1, bc = 2, ad = 200, bd = cd = 181; with f = 0 each update
    // counts its 2 nearest: a = 2, b = 3, c = 3, d = 362 → a
    ClientUpdate a = update(0, 0, 1);
    List<ClientUpdate> updates = List.of(update(10, 10, 50), update(1, 0, 1), a, update(0, 1, 1));

    assertThat(new Krum(0).aggregate(GLOBAL, updates)).containsExactly(0f, 0f);
  }

  @Test
  void aRobustStrategyRefusesARoundBeyondItsMemoryBoundSayingWhatToDo() {
    // 1,000 learners × 2 parameters × 4 bytes = 8,000 bytes > 4 KiB
    assertThatThrownBy(() -> new FedMedian(4096).begin(GLOBAL, 1_000))
        .isInstanceOf(RoundTooLargeException.class)
        .hasMessageContaining("fedmedian keeps every update of a round in memory")
        .hasMessageContaining("1,000 learners × 2 parameters")
        .hasMessageContaining("flops.aggregator.robust-memory-limit");
    assertThatThrownBy(() -> new Krum(0, 4096).begin(GLOBAL, 1_000))
        .hasMessageContaining("krum keeps every update");
    assertThat(new TrimmedMean(0.1, 8000).begin(GLOBAL, 1_000)).isNotNull();
  }

  @Test
  void krumWithOneUpdateReturnsIt() {
    assertThat(new Krum(1).aggregate(GLOBAL, List.of(update(7, 8, 1)))).containsExactly(7f, 8f);
  }

  @Test
  void unknownStrategyNamesTheAcceptedOnes() {
    assertThatThrownBy(() -> Strategies.create(io.flops.common.sla.Strategy.parse("fedprox"), null))
        .hasMessageContaining("Unknown aggregation strategy 'fedprox'")
        .hasMessageContaining("fedavg");
    assertThat(
            Strategies.create(
                io.flops.common.sla.Strategy.parse("Trimmed_Mean"),
                new Strategies.StrategySettings(null, 0.1, 0)))
        .isInstanceOf(TrimmedMean.class);
  }

  @ParameterizedTest
  @EnumSource(io.flops.common.sla.Strategy.class)
  void everyStrategyOfTheSlaHasAnImplementation(io.flops.common.sla.Strategy strategy) {
    Strategies.StrategySettings settings =
        new Strategies.StrategySettings(new OptimizerSettings(0.1f, 0.9f, 0.99f, 0.001f), 0.2, 0);

    assertThat(Strategies.create(strategy, settings).aggregate(GLOBAL, List.of(update(1, 2, 1))))
        .hasSize(2);
  }

  private static ClientUpdate update(float x, float y, long examples) {
    return new ClientUpdate(new float[] {x, y}, examples);
  }
}
