package io.flops.tracking;

import io.flops.mlapi.ModelSignature;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The 17-byte model file of the MLflow recordings, as a model the user's code saved. */
public final class TestModels {

  private TestModels() {}

  /** Writes model.bin into {@code directory} and describes it as an MNIST dl4j model. */
  public static LoggedModel mnistModel(Path directory) throws IOException {
    Files.createDirectories(directory);
    try (InputStream bytes = TestModels.class.getResourceAsStream("/model/model.bin")) {
      Files.copy(bytes, directory.resolve("model.bin"));
    }
    return new LoggedModel(
        directory,
        List.of("model.bin"),
        "dl4j",
        new ModelSignature(
            new long[] {28, 28},
            "float32",
            List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9")),
        List.of(
            "org.deeplearning4j:deeplearning4j-nn:1.0.0-M2.1", "org.nd4j:nd4j-native:1.0.0-M2.1"));
  }

  /** The bytes of the recorded model file. */
  public static byte[] modelBytes() throws IOException {
    try (InputStream bytes = TestModels.class.getResourceAsStream("/model/model.bin")) {
      return bytes.readAllBytes();
    }
  }
}
