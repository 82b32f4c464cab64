package io.flops.inference.scoring;

import io.flops.inference.model.Batch;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Reads {@code text/csv} scoring input: one row per line, values separated by commas. The first
 * line is a header (as pandas reads it in MLflow) when none of its cells is a number; otherwise
 * every line is a row. Blank lines are skipped; cells may be wrapped in double quotes.
 */
final class CsvBatchReader {

  private static final Pattern LINES = Pattern.compile("\r?\n");

  Batch read(String body, long[] rowShape, int maxRows) {
    List<String> lines = LINES.splitAsStream(body).filter(line -> !line.isBlank()).toList();
    if (!lines.isEmpty() && isHeader(cells(lines.get(0)))) {
      if (lines.size() == 1) {
        throw new InvalidInputException(
            "The CSV holds one line and none of its cells is a number, so it was read as a header"
                + " and there is no row to predict.");
      }
      lines = lines.subList(1, lines.size());
    }
    BatchBuilder batch = new BatchBuilder(rowShape, lines.size(), maxRows);
    for (int i = 0; i < lines.size(); i++) {
      batch.addText(i, cells(lines.get(i)));
    }
    return batch.build();
  }

  private static String[] cells(String line) {
    String[] cells = line.split(",", -1);
    for (int i = 0; i < cells.length; i++) {
      String cell = cells[i].strip();
      if (cell.length() >= 2 && cell.startsWith("\"") && cell.endsWith("\"")) {
        cell = cell.substring(1, cell.length() - 1).strip();
      }
      cells[i] = cell;
    }
    return cells;
  }

  private static boolean isHeader(String[] cells) {
    for (String cell : cells) {
      try {
        Float.parseFloat(cell);
        return false;
      } catch (NumberFormatException notANumber) {
        continue;
      }
    }
    return true;
  }
}
