package io.flops.builder.trainedmodel;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.flops.builder.plan.BuildFailure;
import io.flops.common.launch.TrackingLaunch;
import io.flops.tracking.ExperimentTracker;
import io.flops.tracking.TrackerFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Gets the trained model's MLflow model directory: downloads it from the tracking store (an MLflow
 * server through its artifact proxy, or a file store) or takes a local directory, and checks that
 * it holds an {@code MLmodel} file.
 */
public final class ModelFetcher {

  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  private final TrackingLaunch tracking;

  public ModelFetcher(TrackingLaunch tracking) {
    this.tracking = tracking;
  }

  /** A fetched model directory and the flavors its {@code MLmodel} names. */
  public record FetchedModel(Path directory, List<String> flavors) {

    public FetchedModel {
      flavors = List.copyOf(flavors);
    }
  }

  /** Fetches the model at {@code location}; a tracked model is downloaded into {@code target}. */
  public FetchedModel fetch(ModelLocation location, Path target) throws BuildFailure {
    Path directory = location.tracked() ? download(location, target) : location.directory();
    if (!Files.isDirectory(directory)) {
      throw new BuildFailure("The model directory " + directory + " does not exist.");
    }
    Path mlmodel = directory.resolve("MLmodel");
    if (!Files.isRegularFile(mlmodel)) {
      throw new BuildFailure(
          "The model " + location.uri() + " is not an MLflow model: it has no MLmodel file.");
    }
    return new FetchedModel(directory, flavors(mlmodel, location));
  }

  private Path download(ModelLocation location, Path target) throws BuildFailure {
    if (!tracking.enabled()) {
      throw new BuildFailure(
          "Cannot fetch the model "
              + location.uri()
              + ": "
              + TrackingLaunch.Variable.URI.envName()
              + " is empty.");
    }
    if (!tracking.isServer() && !Files.isDirectory(TrackerFactory.fileStoreRoot(tracking.uri()))) {
      throw new BuildFailure(
          "Cannot fetch the model "
              + location.uri()
              + ": the MLflow file store "
              + TrackerFactory.fileStoreRoot(tracking.uri())
              + " does not exist.");
    }
    try (ExperimentTracker tracker = TrackerFactory.open(tracking).orElseThrow()) {
      return tracker.downloadArtifacts(location.runId(), location.artifactPath(), target);
    } catch (IOException | RuntimeException e) {
      throw new BuildFailure(
          "Cannot fetch the model "
              + location.uri()
              + " from "
              + tracking.uri()
              + ": "
              + String.valueOf(e.getMessage()).replaceAll("[.\\s]+$", "")
              + ".",
          e);
    }
  }

  private static List<String> flavors(Path mlmodel, ModelLocation location) throws BuildFailure {
    try {
      List<String> flavors = new ArrayList<>();
      YAML.readTree(mlmodel.toFile()).path("flavors").fieldNames().forEachRemaining(flavors::add);
      return flavors;
    } catch (IOException e) {
      throw new BuildFailure(
          "The MLmodel file of "
              + location.uri()
              + " is not YAML: "
              + String.valueOf(e.getMessage()).lines().findFirst().orElse("")
              + ".",
          e);
    }
  }
}
