package io.flops.dataserver.mock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class PartitionPlanTest {

  private static final int CLASSES = 10;

  /** 10 classes; class c has 600 + 40c training rows and 100 + 10c test rows, interleaved. */
  private static final LabeledSplits DATA =
      new LabeledSplits("synthetic", "x", rows(600, 40), rows(100, 10));

  @Test
  void iidPartitionsAreDisjointCoveringAndCloseToTheOverallLabelMix() {
    PartitionPlan plan = PartitionPlan.of(DATA, new IidPartitioner(), 4, 7, 1);

    assertDisjointAndCovering(plan.train(), DATA.train().size());
    assertDisjointAndCovering(plan.test(), DATA.test().size());
    for (int[] partition : plan.train()) {
      assertThat(distanceFromOverall(partition)).isLessThan(0.01);
    }
  }

  @Test
  void dirichletWithSmallAlphaSkewsEveryPartitionsLabels() {
    PartitionPlan plan = PartitionPlan.of(DATA, new DirichletPartitioner(0.1), 5, 11, 10);

    assertDisjointAndCovering(plan.train(), DATA.train().size());
    assertDisjointAndCovering(plan.test(), DATA.test().size());
    double[] distances =
        Arrays.stream(plan.train()).mapToDouble(PartitionPlanTest::distanceFromOverall).toArray();
    for (double distance : distances) {
      assertThat(distance).isGreaterThan(0.25);
    }
    assertThat(Arrays.stream(distances).average().orElseThrow()).isGreaterThan(0.4);
  }

  @Test
  void dirichletWithLargeAlphaIsNearlyIid() {
    PartitionPlan plan = PartitionPlan.of(DATA, new DirichletPartitioner(1000), 5, 11, 10);

    for (int[] partition : plan.train()) {
      assertThat(distanceFromOverall(partition)).isLessThan(0.05);
    }
  }

  @Test
  void kLabelsPerPartitionGivesEachPartitionExactlyKClasses() {
    PartitionPlan plan = PartitionPlan.of(DATA, new LabelsPartitioner(2), 5, 3, 1);

    assertDisjointAndCovering(plan.train(), DATA.train().size());
    for (int p = 0; p < 5; p++) {
      long trainClasses =
          Arrays.stream(plan.train()[p]).map(DATA.train()::label).distinct().count();
      long testClasses = Arrays.stream(plan.test()[p]).map(DATA.test()::label).distinct().count();
      assertThat(trainClasses).isEqualTo(2);
      assertThat(testClasses).isEqualTo(2);
    }
  }

  @Test
  void kLabelsThatCannotCoverEveryClassIsRefused() {
    assertThatThrownBy(() -> PartitionPlan.of(DATA, new LabelsPartitioner(2), 3, 3, 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("FLOPS_MOCK_LABELS_PER_PARTITION between 4 and 10");
  }

  @Test
  void theSameSeedGivesTheSamePartitionsAndAnotherSeedOthers() {
    DirichletPartitioner partitioner = new DirichletPartitioner(0.5);
    PartitionPlan first = PartitionPlan.of(DATA, partitioner, 3, 42, 10);
    PartitionPlan again = PartitionPlan.of(DATA, partitioner, 3, 42, 10);
    PartitionPlan other = PartitionPlan.of(DATA, partitioner, 3, 43, 10);

    assertThat(again.train()).isDeepEqualTo(first.train());
    assertThat(again.test()).isDeepEqualTo(first.test());
    assertThat(other.train()[0]).isNotEqualTo(first.train()[0]);
  }

  @Test
  void tooFewRowsPerPartitionAfterEveryDrawIsRefused() {
    assertThatThrownBy(() -> PartitionPlan.of(DATA, new DirichletPartitioner(0.5), 8, 1, 1000))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("fewer than 1000 training rows")
        .hasMessageContaining("FLOPS_MOCK_ALPHA");
  }

  private static void assertDisjointAndCovering(int[][] partitions, int rows) {
    int[] all = Arrays.stream(partitions).flatMapToInt(Arrays::stream).sorted().toArray();
    assertThat(all).as("every row exactly once").isEqualTo(IntStream.range(0, rows).toArray());
  }

  /** Total variation distance of a partition's label histogram from the whole split's. */
  private static double distanceFromOverall(int[] partition) {
    double[] overall = histogram(IntStream.range(0, DATA.train().size()).toArray());
    double[] local = histogram(partition);
    double sum = 0;
    for (int c = 0; c < CLASSES; c++) {
      sum += Math.abs(overall[c] - local[c]);
    }
    return sum / 2;
  }

  private static double[] histogram(int[] rows) {
    double[] counts = new double[CLASSES];
    for (int row : rows) {
      counts[DATA.train().label(row)] += 1.0 / rows.length;
    }
    return counts;
  }

  private static LabeledDataset rows(int base, int step) {
    int[] labels =
        IntStream.range(0, CLASSES)
            .flatMap(c -> IntStream.range(0, base + step * c).map(i -> c))
            .toArray();
    int[] interleaved = new int[labels.length];
    for (int i = 0; i < labels.length; i++) {
      interleaved[i] = labels[(int) ((i * 7919L) % labels.length)];
    }
    return new FloatRows(new float[interleaved.length], 1, interleaved, CLASSES);
  }
}
