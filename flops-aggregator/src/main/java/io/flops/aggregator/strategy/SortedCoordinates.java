package io.flops.aggregator.strategy;

import java.util.List;

/**
 * Coordinate-wise reductions over the sorted values of all updates (median, trimmed mean). Works on
 * blocks of coordinates: copies each update's block into a row and sorts the rows column-wise with
 * an odd-even transposition network, whose min/max inner loops need no branches.
 */
final class SortedCoordinates {

  private static final int BLOCK = 1 << 12;

  private SortedCoordinates() {}

  /** For each coordinate, {@code reducer} of the updates' values at it, sorted ascending. */
  static float[] reduce(float[] global, List<ClientUpdate> updates, Reducer reducer) {
    float[][] values = updates.stream().map(ClientUpdate::parameters).toArray(float[][]::new);
    int n = values.length;
    float[] result = new float[global.length];
    Coordinates.inBlocks(
        global.length,
        (from, to) -> {
          float[][] rows = new float[n][BLOCK];
          for (int start = from; start < to; start += BLOCK) {
            int width = Math.min(BLOCK, to - start);
            for (int k = 0; k < n; k++) {
              System.arraycopy(values[k], start, rows[k], 0, width);
            }
            sortColumns(rows, width);
            for (int i = 0; i < width; i++) {
              result[start + i] = reducer.reduce(rows, i);
            }
          }
        });
    return result;
  }

  /** Sorts every column {@code 0..width} of {@code rows} ascending (odd-even transposition). */
  private static void sortColumns(float[][] rows, int width) {
    int n = rows.length;
    for (int pass = 0; pass < n; pass++) {
      for (int j = pass % 2; j + 1 < n; j += 2) {
        float[] low = rows[j];
        float[] high = rows[j + 1];
        for (int i = 0; i < width; i++) {
          float a = low[i];
          float b = high[i];
          low[i] = Math.min(a, b);
          high[i] = Math.max(a, b);
        }
      }
    }
  }

  /** Reduces one coordinate, column {@code i} of the column-sorted {@code rows}, to one value. */
  @FunctionalInterface
  interface Reducer {
    float reduce(float[][] sortedRows, int i);
  }
}
