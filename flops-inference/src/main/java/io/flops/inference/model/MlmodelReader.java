package io.flops.inference.model;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.flops.common.launch.InferenceLaunch;
import io.flops.mlapi.ModelSignature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads the {@code MLmodel} file of an MLflow model directory: its flavors, and its signature in
 * MLflow's format ({@code signature.inputs} is a JSON string holding a tensor spec such as {@code
 * [{"type": "tensor", "tensor-spec": {"dtype": "float32", "shape": [-1, 784]}}]}, or a list of
 * column specs). Output classes come from the flavor's {@code output_classes}.
 */
public final class MlmodelReader {

  /** The name MLflow gives the description file of a model directory. */
  public static final String MLMODEL = "MLmodel";

  private static final YAMLMapper YAML = new YAMLMapper();
  private static final ObjectMapper JSON = new ObjectMapper();

  private MlmodelReader() {}

  /** Reads {@code directory/MLmodel}. */
  public static ModelDescription read(Path directory) {
    Path file = directory.resolve(MLMODEL);
    if (!Files.isRegularFile(file)) {
      throw new ModelLoadException(
          "No MLmodel file in "
              + directory.toAbsolutePath()
              + ": point "
              + InferenceLaunch.Variable.MODEL_DIR.envName()
              + " at an MLflow model directory"
              + " (the folder that holds MLmodel and the model's files).");
    }
    JsonNode root = parse(file);
    Map<String, FlavorConfig> flavors = flavors(root, file);
    return new ModelDescription(
        directory,
        flavors,
        signature(root.path("signature"), flavors, file),
        root.path("run_id").asText(null),
        root.path("model_uuid").asText(null),
        root.path("utc_time_created").asText(null));
  }

  private static JsonNode parse(Path file) {
    try {
      JsonNode root = YAML.readTree(file.toFile());
      if (root == null || !root.isObject()) {
        throw new ModelLoadException(file + " is not a YAML mapping.");
      }
      return root;
    } catch (IOException e) {
      throw new ModelLoadException("Could not read " + file + ": " + e.getMessage(), e);
    }
  }

  private static Map<String, FlavorConfig> flavors(JsonNode root, Path file) {
    JsonNode flavors = root.path("flavors");
    if (!flavors.isObject() || flavors.isEmpty()) {
      throw new ModelLoadException(file + " names no flavors; it needs e.g. flavors.dl4j.");
    }
    Map<String, FlavorConfig> result = new LinkedHashMap<>();
    flavors
        .fields()
        .forEachRemaining(
            entry -> {
              @SuppressWarnings("unchecked")
              Map<String, Object> fields = JSON.convertValue(entry.getValue(), Map.class);
              result.put(
                  entry.getKey(),
                  new FlavorConfig(entry.getKey(), fields == null ? Map.of() : fields));
            });
    return result;
  }

  private static Optional<ModelSignature> signature(
      JsonNode signature, Map<String, FlavorConfig> flavors, Path file) {
    JsonNode inputs = specs(signature.path("inputs"), file);
    if (inputs == null || inputs.isEmpty()) {
      return Optional.empty();
    }
    List<String> classes =
        flavors.values().stream()
            .map(flavor -> flavor.texts("output_classes"))
            .filter(names -> !names.isEmpty())
            .findFirst()
            .orElse(List.of());
    JsonNode first = inputs.get(0);
    if ("tensor".equals(first.path("type").asText())) {
      JsonNode spec = first.path("tensor-spec");
      return Optional.of(
          new ModelSignature(rowShape(spec.path("shape")), spec.path("dtype").asText(), classes));
    }
    String type = first.path("type").asText("double");
    return Optional.of(new ModelSignature(new long[] {inputs.size()}, type, classes));
  }

  private static JsonNode specs(JsonNode node, Path file) {
    if (node.isMissingNode() || node.isNull()) {
      return null;
    }
    if (!node.isTextual()) {
      return node;
    }
    try {
      return JSON.readTree(node.asText());
    } catch (JsonProcessingException e) {
      throw new ModelLoadException(
          "The signature inputs in " + file + " are not valid JSON: " + e.getOriginalMessage(), e);
    }
  }

  private static long[] rowShape(JsonNode shape) {
    List<Long> dimensions = new ArrayList<>();
    shape.forEach(dimension -> dimensions.add(dimension.asLong()));
    if (dimensions.size() <= 1) {
      return new long[] {1};
    }
    long[] row =
        dimensions.subList(1, dimensions.size()).stream().mapToLong(Long::longValue).toArray();
    for (long dimension : row) {
      if (dimension < 1) {
        throw new ModelLoadException(
            "The signature input shape "
                + dimensions
                + " has a variable dimension after the batch dimension; only the first may be -1.");
      }
    }
    return row;
  }
}
