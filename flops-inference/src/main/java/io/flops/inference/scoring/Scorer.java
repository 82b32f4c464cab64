package io.flops.inference.scoring;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.flops.inference.model.Batch;
import io.flops.inference.model.ServableModel;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns a scoring request into predictions: reads the rows (JSON or CSV), predicts them as one
 * batch, and names each row's prediction. With output classes, a row's prediction is the class with
 * the highest output; without, it is the output itself (a number, or an array of numbers).
 */
public final class Scorer {

  private final ServableModel model;
  private final int maxBatchSize;
  private final JsonBatchReader jsonReader;
  private final CsvBatchReader csvReader = new CsvBatchReader();

  public Scorer(ServableModel model, int maxBatchSize, ObjectMapper json) {
    this.model = model;
    this.maxBatchSize = maxBatchSize;
    this.jsonReader = new JsonBatchReader(json);
  }

  /** Predicts the rows of a JSON body in MLflow's scoring format. */
  public List<Object> scoreJson(byte[] body) {
    requireBody(body == null || body.length == 0);
    return predict(jsonReader.read(body, model.signature().inputShape(), maxBatchSize));
  }

  /** Predicts the rows of a CSV body. */
  public List<Object> scoreCsv(String body) {
    requireBody(body == null || body.isBlank());
    return predict(csvReader.read(body, model.signature().inputShape(), maxBatchSize));
  }

  /** The most rows predicted in one request. */
  public int maxBatchSize() {
    return maxBatchSize;
  }

  /** The JSON keys accepted as input formats. */
  public static List<String> jsonFormats() {
    return JsonBatchReader.FORMATS;
  }

  private List<Object> predict(Batch batch) {
    float[][] outputs = model.predict(batch);
    List<String> classes = model.signature().outputClasses();
    List<Object> predictions = new ArrayList<>(outputs.length);
    for (float[] output : outputs) {
      if (!classes.isEmpty()) {
        predictions.add(classes.get(argmax(output)));
      } else if (output.length == 1) {
        predictions.add(output[0]);
      } else {
        predictions.add(output);
      }
    }
    return predictions;
  }

  private void requireBody(boolean empty) {
    if (empty) {
      long width = model.signature().inputWidth();
      throw new InvalidInputException(
          "The request body is empty; send JSON such as {\"inputs\": [[...]]} with rows of "
              + width
              + " numbers, or text/csv with one row of "
              + width
              + " numbers per line.");
    }
  }

  private static int argmax(float[] values) {
    int best = 0;
    for (int i = 1; i < values.length; i++) {
      if (values[i] > values[best]) {
        best = i;
      }
    }
    return best;
  }
}
