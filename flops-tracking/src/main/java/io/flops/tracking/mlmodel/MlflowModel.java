package io.flops.tracking.mlmodel;

import io.flops.mlapi.ModelSignature;
import io.flops.tracking.LoggedModel;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The description of a logged model as MLflow keeps it: the {@code MLmodel} file's fields and the
 * entry MLflow appends to the run tag {@code mlflow.log-model.history}.
 *
 * <p>The flavor is the model's own (e.g. {@code dl4j}); it is a custom, non-Python flavor, so there
 * is no {@code python_function}. Its configuration names the model files ({@code model_data}), the
 * dependency list file and the output classes; the signature uses MLflow's tensor format.
 */
public record MlflowModel(
    String runId, String artifactPath, String modelUuid, String utcTimeCreated, LoggedModel model) {

  /** The file, inside the model directory, that lists the Maven coordinates needed to load it. */
  public static final String DEPENDENCIES_FILE = "dependencies.txt";

  /**
   * The MLflow release whose formats FLOps writes (the MLmodel file, the file store, the REST
   * calls), recorded as the MLmodel's {@code mlflow_version} as MLflow records its own. It is the
   * version of {@code org.mlflow:mlflow-client} in use (a test keeps the two equal).
   */
  public static final String MLFLOW_VERSION = "2.17.2";

  /** Per flavor, the library ({@code group:artifact}) whose version is {@code <flavor>_version}. */
  private static final Map<String, String> FLAVOR_LIBRARIES =
      Map.of("dl4j", "org.deeplearning4j:deeplearning4j-nn");

  private static final DateTimeFormatter UTC_TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSS").withZone(ZoneOffset.UTC);

  /** A new logged model of {@code runId}, created now. */
  public static MlflowModel create(String runId, String artifactPath, LoggedModel model) {
    return new MlflowModel(
        runId,
        artifactPath,
        UUID.randomUUID().toString().replace("-", ""),
        UTC_TIME.format(Instant.now()),
        model);
  }

  /** The flavor's configuration, as in {@code flavors.<flavor>} of the MLmodel file. */
  public Map<String, Object> flavorConfig() {
    Map<String, Object> config = new LinkedHashMap<>();
    flavorVersion().ifPresent(version -> config.put(model.flavor() + "_version", version));
    config.put("model_data", model.files().size() == 1 ? model.files().get(0) : ".");
    config.put("files", model.files());
    config.put("dependencies", DEPENDENCIES_FILE);
    config.put("output_classes", model.signature().outputClasses());
    return config;
  }

  /** The MLmodel file's content. */
  public String mlmodelYaml() {
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("artifact_path", artifactPath);
    fields.put("flavors", Map.of(model.flavor(), flavorConfig()));
    fields.put("mlflow_version", MLFLOW_VERSION);
    fields.put("model_uuid", modelUuid);
    fields.put("run_id", runId);
    fields.put("signature", signature());
    fields.put("utc_time_created", utcTimeCreated);
    return PyYaml.mapping(fields);
  }

  /** One entry of the {@code mlflow.log-model.history} tag, in MLflow's key order. */
  public Map<String, Object> historyEntry() {
    Map<String, Object> entry = new LinkedHashMap<>();
    entry.put("run_id", runId);
    entry.put("artifact_path", artifactPath);
    entry.put("utc_time_created", utcTimeCreated);
    entry.put("model_uuid", modelUuid);
    entry.put("flavors", Map.of(model.flavor(), flavorConfig()));
    return entry;
  }

  /** The {@code model_json} MLflow's REST {@code runs/log-model} takes. */
  public String modelJson() {
    return PyJson.write(historyEntry());
  }

  /** The content of {@link #DEPENDENCIES_FILE}: one Maven coordinate per line. */
  public String dependencyList() {
    return model.dependencies().isEmpty() ? "" : String.join("\n", model.dependencies()) + "\n";
  }

  private Map<String, Object> signature() {
    ModelSignature signature = model.signature();
    List<Object> inputShape = new ArrayList<>();
    inputShape.add(-1);
    for (long dimension : signature.inputShape()) {
      inputShape.add(dimension);
    }
    int outputs = Math.max(1, signature.outputClasses().size());
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("inputs", tensor(dtype(signature.inputType()), inputShape));
    fields.put("outputs", tensor("float32", List.of(-1, outputs)));
    fields.put("params", null);
    return fields;
  }

  private static String tensor(String dtype, List<Object> shape) {
    Map<String, Object> spec = new LinkedHashMap<>();
    spec.put("dtype", dtype);
    spec.put("shape", shape);
    Map<String, Object> input = new LinkedHashMap<>();
    input.put("type", "tensor");
    input.put("tensor-spec", spec);
    return PyJson.write(List.of(input));
  }

  private static String dtype(String inputType) {
    String type = inputType == null ? "" : inputType.toLowerCase();
    return switch (type) {
      case "double", "float64" -> "float64";
      case "int", "int32", "integer" -> "int32";
      case "long", "int64" -> "int64";
      case "bool", "boolean" -> "bool";
      default -> "float32";
    };
  }

  /**
   * The version of the flavor's library among the dependencies ({@code deeplearning4j-nn} for
   * {@code dl4j}), else of another artifact of its group, else of a group named after the flavor.
   */
  private Optional<String> flavorVersion() {
    String library = FLAVOR_LIBRARIES.getOrDefault(model.flavor(), model.flavor() + ":");
    String group = library.substring(0, library.indexOf(':'));
    List<String[]> coordinates =
        model.dependencies().stream().map(c -> c.split(":")).filter(c -> c.length >= 3).toList();
    return coordinates.stream()
        .filter(c -> (c[0] + ":" + c[1]).equals(library))
        .findFirst()
        .or(() -> coordinates.stream().filter(c -> c[0].equals(group)).findFirst())
        .or(() -> coordinates.stream().filter(c -> c[0].contains(model.flavor())).findFirst())
        .map(c -> c[2]);
  }
}
