package io.flops.aggregator.strategy;

import java.util.Arrays;
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
            Arrays.sort(column);
            result[i] = reducer.reduce(column);
          }
        });
    return result;
  }

  /** Reduces one coordinate's sorted values to one value. */
  @FunctionalInterface
  interface Reducer {
    float reduce(float[] sorted);
  }
}
