package io.flops.aggregator.strategy;

import java.util.List;

/** Coordinate-wise reductions over the sorted values of all updates (median, trimmed mean). */
final class SortedCoordinates {

  private SortedCoordinates() {}

  /** For each coordinate, {@code reducer} of the updates' values at it, sorted ascending. */
  static float[] reduce(float[] global, List<ClientUpdate> updates, Reducer reducer) {
    Coordinates.requireSameLength(global, updates);
    float[][] values = updates.stream().map(ClientUpdate::parameters).toArray(float[][]::new);
    float[] result = new float[global.length];
    Coordinates.inBlocks(
        global.length,
        (from, to) -> {
          float[] column = new float[values.length];
          for (int i = from; i < to; i++) {
            for (int k = 0; k < values.length; k++) {
              column[k] = values[k][i];
            }
            insertionSort(column);
            result[i] = reducer.reduce(column);
          }
        });
    return result;
  }

  /** Sorts a few values in place; far cheaper than {@code Arrays.sort} for tens of learners. */
  private static void insertionSort(float[] values) {
    for (int i = 1; i < values.length; i++) {
      float value = values[i];
      int j = i - 1;
      while (j >= 0 && values[j] > value) {
        values[j + 1] = values[j];
        j--;
      }
      values[j + 1] = value;
    }
  }

  /** Reduces one coordinate's sorted values to one value. */
  @FunctionalInterface
  interface Reducer {
    float reduce(float[] sorted);
  }
}
