package io.flops.cli.demo;

import java.util.ArrayList;
import java.util.List;

/** A 28 x 28 digit drawn in ASCII, two pixel rows per line, empty border rows left out. */
final class DigitArt {

  private static final int SIDE = 28;
  private static final float INK = 0.5f;

  private DigitArt() {}

  static List<String> lines(float[] pixels) {
    if (pixels.length != SIDE * SIDE) {
      return List.of();
    }
    int top = 0;
    int bottom = SIDE - 1;
    while (top < bottom && blank(pixels, top)) {
      top++;
    }
    while (bottom > top && blank(pixels, bottom)) {
      bottom--;
    }
    List<String> lines = new ArrayList<>();
    for (int row = top; row <= bottom; row += 2) {
      StringBuilder line = new StringBuilder();
      for (int col = 0; col < SIDE; col++) {
        boolean upper = ink(pixels, row, col);
        boolean lower = row + 1 <= bottom && ink(pixels, row + 1, col);
        line.append(upper && lower ? '#' : upper ? '"' : lower ? '.' : ' ');
      }
      lines.add(line.toString().stripTrailing());
    }
    return lines;
  }

  private static boolean blank(float[] pixels, int row) {
    for (int col = 0; col < SIDE; col++) {
      if (ink(pixels, row, col)) {
        return false;
      }
    }
    return true;
  }

  private static boolean ink(float[] pixels, int row, int col) {
    return pixels[row * SIDE + col] >= INK;
  }
}
