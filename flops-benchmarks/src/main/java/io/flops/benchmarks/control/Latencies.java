package io.flops.benchmarks.control;

import java.util.Arrays;
import java.util.Collection;

/** Request latencies in milliseconds, as percentiles. */
record Latencies(double[] sortedMillis, double seconds) {

  static Latencies of(Collection<Long> nanos, double seconds) {
    double[] millis = nanos.stream().mapToDouble(n -> n / 1e6).sorted().toArray();
    return new Latencies(millis, seconds);
  }

  /** The {@code p}-th percentile (nearest rank). */
  double percentile(double p) {
    if (sortedMillis.length == 0) {
      return Double.NaN;
    }
    int rank = (int) Math.ceil(p / 100 * sortedMillis.length);
    return sortedMillis[Math.max(0, Math.min(sortedMillis.length - 1, rank - 1))];
  }

  double max() {
    return sortedMillis.length == 0 ? Double.NaN : sortedMillis[sortedMillis.length - 1];
  }

  int count() {
    return sortedMillis.length;
  }

  @Override
  public String toString() {
    return Arrays.toString(sortedMillis);
  }
}
