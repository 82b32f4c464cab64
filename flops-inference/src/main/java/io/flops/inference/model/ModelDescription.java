package io.flops.inference.model;

import io.flops.mlapi.ModelSignature;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What an MLflow model directory's {@code MLmodel} file says about the model it holds.
 *
 * @param directory the model directory (the folder holding {@code MLmodel})
 * @param flavors each flavor's configuration, by flavor name (e.g. {@code dl4j}), in file order
 * @param signature the input shape and output classes, when the file has a signature
 * @param runId the run the model was logged in, or null
 * @param modelUuid the model's id, or null
 * @param utcTimeCreated when the model was logged, or null
 */
public record ModelDescription(
    Path directory,
    Map<String, FlavorConfig> flavors,
    Optional<ModelSignature> signature,
    String runId,
    String modelUuid,
    String utcTimeCreated) {

  public ModelDescription {
    flavors = Collections.unmodifiableMap(new LinkedHashMap<>(flavors));
  }
}
