package io.flops.dataserver.mock;

import java.util.Arrays;
import org.apache.commons.math3.random.RandomGenerator;

/** Every partition gets an equal share of every class (stratified IID). */
public final class IidPartitioner implements Partitioner {

  @Override
  public double[][] shares(int partitions, int classes, RandomGenerator random) {
    double[][] shares = new double[partitions][classes];
    for (double[] row : shares) {
      Arrays.fill(row, 1.0 / partitions);
    }
    return shares;
  }

  @Override
  public String toString() {
    return "iid";
  }
}
