package io.flops.builder.support;

import io.flops.inference.MnistModelFixture;
import io.flops.mlapi.ModelSignature;
import io.flops.tracking.LoggedModel;
import io.flops.tracking.filestore.FileStoreTracker;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * The real MNIST MLP of flops-inference's tests, logged into an MLflow file store the way the
 * aggregator logs the best model ({@code logModel(run, "model", ...)}), and the inference server's
 * executable jar built by the flops-inference module.
 *
 * @param store the file store's directory
 * @param runId the run holding the model
 * @param modelUri what the aggregator reports: {@code runs:/<run id>/model}
 * @param mnist the trained model and its test digits
 */
public record TrackedMnistModel(
    Path store, String runId, String modelUri, MnistModelFixture mnist) {

  /** Trains the model (once per JVM) and logs it into a new file store under {@code store}. */
  public static TrackedMnistModel logInto(Path store) throws IOException {
    MnistModelFixture mnist = MnistModelFixture.get();
    try (FileStoreTracker tracker = new FileStoreTracker(store)) {
      String experiment = tracker.getOrCreateExperiment("p-trained", Map.of());
      String runId = tracker.startRun(experiment, "round-3", null, Map.of());
      LoggedModel model =
          new LoggedModel(
              mnist.directory(),
              List.of("model.zip"),
              "dl4j",
              new ModelSignature(
                  new long[] {784},
                  "float32",
                  IntStream.range(0, 10).mapToObj(String::valueOf).toList()),
              List.of("org.deeplearning4j:deeplearning4j-nn:1.0.0-M2.1"));
      String uri = tracker.logModel(runId, "model", model, null);
      tracker.endRun(runId, FileStoreTracker.RunStatus.FINISHED);
      return new TrackedMnistModel(store, runId, uri, mnist);
    }
  }

  /** flops-inference's executable jar, built before this module by the reactor. */
  public static Path inferenceJar() throws IOException {
    Path target = Path.of("..", "flops-inference", "target").toAbsolutePath().normalize();
    if (Files.isDirectory(target)) {
      try (DirectoryStream<Path> jars =
          Files.newDirectoryStream(target, "flops-inference-*-exec.jar")) {
        for (Path jar : jars) {
          return jar;
        }
      }
    }
    throw new IllegalStateException(
        "No flops-inference-*-exec.jar in "
            + target
            + "; build it first: ./mvnw -pl flops-builder -am verify");
  }
}
