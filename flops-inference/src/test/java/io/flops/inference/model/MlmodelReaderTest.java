package io.flops.inference.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.flops.mlapi.ModelSignature;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MlmodelReaderTest {

  @TempDir Path dir;

  @Test
  void readsTheFlavorSignatureAndClassesTheTrackingWriterWrites() throws Exception {
    Files.writeString(
        dir.resolve("MLmodel"),
        """
        artifact_path: model
        flavors:
          dl4j:
            dependencies: dependencies.txt
            dl4j_version: 1.0.0-M2.1
            files:
            - model.zip
            model_data: model.zip
            output_classes:
            - cat
            - dog
        model_uuid: 0d15ea5e000000000000000000000001
        run_id: abc123
        signature:
          inputs: '[{"type": "tensor", "tensor-spec": {"dtype": "float32", "shape": [-1, 1, 28, 28]}}]'
          outputs: '[{"type": "tensor", "tensor-spec": {"dtype": "float32", "shape": [-1, 2]}}]'
          params: null
        utc_time_created: '2026-11-23 12:00:00.000000'
        """);

    ModelDescription description = MlmodelReader.read(dir);

    FlavorConfig flavor = description.flavors().get("dl4j");
    assertThat(flavor.text("model_data")).contains("model.zip");
    assertThat(flavor.texts("files")).containsExactly("model.zip");
    assertThat(flavor.libraryVersion()).contains("1.0.0-M2.1");
    ModelSignature signature = description.signature().orElseThrow();
    assertThat(signature.inputShape()).containsExactly(1, 28, 28);
    assertThat(signature.inputType()).isEqualTo("float32");
    assertThat(signature.outputClasses()).containsExactly("cat", "dog");
    assertThat(description.runId()).isEqualTo("abc123");
    assertThat(description.modelUuid()).isEqualTo("0d15ea5e000000000000000000000001");
  }

  @Test
  void anMlmodelAsMlflowWritesItWithoutSignatureHasNone() throws Exception {
    Files.writeString(
        dir.resolve("MLmodel"),
        """
        artifact_path: model
        flavors:
          dl4j:
            dl4j_version: 1.0.0-M2.1
            model_data: model.bin
        mlflow_version: 2.17.2
        run_id: f80d49e3efc14616874e8767a4f68723
        """);

    ModelDescription description = MlmodelReader.read(dir);

    assertThat(description.signature()).isEmpty();
    assertThat(description.flavors()).containsOnlyKeys("dl4j");
  }

  @Test
  void columnSignaturesGiveOneValuePerColumn() throws Exception {
    Files.writeString(
        dir.resolve("MLmodel"),
        """
        flavors:
          dl4j:
            model_data: model.zip
        signature:
          inputs: '[{"type": "double", "name": "a"}, {"type": "double", "name": "b"}]'
        """);

    assertThat(MlmodelReader.read(dir).signature().orElseThrow().inputShape()).containsExactly(2);
  }

  @Test
  void aDirectoryWithoutMlmodelOrFlavorsIsRefusedWithTheReason() throws Exception {
    assertThatThrownBy(() -> MlmodelReader.read(dir))
        .isInstanceOf(ModelLoadException.class)
        .hasMessageContaining("No MLmodel file in " + dir.toAbsolutePath());

    Files.writeString(dir.resolve("MLmodel"), "run_id: x\n");
    assertThatThrownBy(() -> MlmodelReader.read(dir))
        .isInstanceOf(ModelLoadException.class)
        .hasMessageContaining("names no flavors");
  }

  @Test
  void aVariableDimensionBeyondTheBatchIsRefused() throws Exception {
    Files.writeString(
        dir.resolve("MLmodel"),
        """
        flavors:
          dl4j:
            model_data: model.zip
        signature:
          inputs: '[{"type": "tensor", "tensor-spec": {"dtype": "float32", "shape": [-1, -1]}}]'
        """);

    assertThatThrownBy(() -> MlmodelReader.read(dir))
        .isInstanceOf(ModelLoadException.class)
        .hasMessageContaining("variable dimension");
  }
}
