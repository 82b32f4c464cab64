package io.flops.inference.scoring;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import io.flops.inference.model.ModelDescription;
import io.flops.mlapi.ModelSignature;
import java.util.ArrayList;
import java.util.List;

/**
 * What {@code GET /metadata} tells a client: which model is served, the shape of a row it takes,
 * what a prediction is, and the request limits.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record ModelMetadata(
    String flavor,
    String flavorVersion,
    String runId,
    String modelUuid,
    String utcTimeCreated,
    Signature signature,
    String predictions,
    List<String> inputFormats,
    int maxBatchSize) {

  /**
   * The model's signature.
   *
   * @param inputShape the input tensor's shape, {@code -1} for the batch dimension
   * @param inputType the element type, e.g. {@code float32}
   * @param outputClasses the class names a prediction is one of; empty for raw outputs
   */
  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  public record Signature(
      List<Long> inputShape, String inputType, long inputWidth, List<String> outputClasses) {}

  /** The metadata of the model {@code description} describes, loaded as {@code flavor}. */
  public static ModelMetadata of(
      ModelDescription description, String flavor, ModelSignature signature, int maxBatchSize) {
    List<Long> shape = new ArrayList<>();
    shape.add(-1L);
    for (long dimension : signature.inputShape()) {
      shape.add(dimension);
    }
    List<String> formats = new ArrayList<>(Scorer.jsonFormats());
    formats.add("text/csv");
    return new ModelMetadata(
        flavor,
        description.flavors().get(flavor).libraryVersion().orElse(null),
        description.runId(),
        description.modelUuid(),
        description.utcTimeCreated(),
        new Signature(
            shape, signature.inputType(), signature.inputWidth(), signature.outputClasses()),
        signature.outputClasses().isEmpty()
            ? "the model's outputs for each row"
            : "the output class with the highest score for each row",
        formats,
        maxBatchSize);
  }
}
