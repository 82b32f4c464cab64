package io.flops.dataserver.mock;

import org.apache.commons.math3.distribution.GammaDistribution;
import org.apache.commons.math3.random.RandomGenerator;

/**
 * Non-IID by label: each class is shared among the partitions by proportions drawn from a symmetric
 * Dirichlet(α) distribution (Hsu et al. 2019). Small α (0.1) gives strong label skew, large α (100)
 * almost IID.
 */
public final class DirichletPartitioner implements Partitioner {

  private final double alpha;

  public DirichletPartitioner(double alpha) {
    if (!(alpha > 0)) {
      throw new IllegalArgumentException(
          "The Dirichlet partitioner needs α > 0 (FLOPS_MOCK_ALPHA), was " + alpha);
    }
    this.alpha = alpha;
  }

  @Override
  public double[][] shares(int partitions, int classes, RandomGenerator random) {
    GammaDistribution gamma = new GammaDistribution(random, alpha, 1.0);
    double[][] shares = new double[partitions][classes];
    for (int c = 0; c < classes; c++) {
      double sum = 0;
      for (int p = 0; p < partitions; p++) {
        shares[p][c] = gamma.sample();
        sum += shares[p][c];
      }
      for (int p = 0; p < partitions; p++) {
        shares[p][c] = sum > 0 ? shares[p][c] / sum : 1.0 / partitions;
      }
    }
    return shares;
  }

  @Override
  public String toString() {
    return "dirichlet(α=" + alpha + ")";
  }
}
