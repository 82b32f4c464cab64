package io.flops.dataserver.mock;

import org.apache.commons.math3.random.RandomGenerator;

/**
 * Decides how the rows of each class are shared among partitions. The same shares split the
 * training and the test rows, so a partition's test rows follow its training label distribution.
 */
public interface Partitioner {

  /**
   * {@code shares[p][c]}: the fraction of class {@code c}'s rows that partition {@code p} receives;
   * the shares of every class sum to 1.
   *
   * @throws IllegalArgumentException when the partitioner cannot split {@code classes} classes into
   *     {@code partitions} partitions (the message says which setting to change)
   */
  double[][] shares(int partitions, int classes, RandomGenerator random);
}
