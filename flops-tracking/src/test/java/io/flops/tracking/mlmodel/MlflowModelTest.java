package io.flops.tracking.mlmodel;

import static org.assertj.core.api.Assertions.assertThat;

import io.flops.mlapi.ModelSignature;
import io.flops.tracking.LoggedModel;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mlflow.tracking.MlflowClientVersion;

/** The MLmodel file carries what MLflow itself writes: the flavor's and MLflow's versions. */
class MlflowModelTest {

  private static final ModelSignature SIGNATURE =
      new ModelSignature(new long[] {4}, "float32", List.of("a", "b", "c"));

  @Test
  void theFlavorVersionIsThatOfTheLibraryLoadingTheModelAmongTheResolvedDependencies() {
    MlflowModel model =
        model(
            List.of(
                "org.deeplearning4j:deeplearning4j-common:1.0.0-M2",
                "org.deeplearning4j:deeplearning4j-nn:1.0.0-M2.1",
                "org.nd4j:nd4j-native:1.0.0-M2.1"));

    assertThat(model.flavorConfig()).containsEntry("dl4j_version", "1.0.0-M2.1");
    assertThat(model.mlmodelYaml())
        .contains("    dl4j_version: 1.0.0-M2.1\n", "\nmlflow_version: 2.17.2\nmodel_uuid: ");
    assertThat(model.dependencyList())
        .isEqualTo(
            "org.deeplearning4j:deeplearning4j-common:1.0.0-M2\n"
                + "org.deeplearning4j:deeplearning4j-nn:1.0.0-M2.1\n"
                + "org.nd4j:nd4j-native:1.0.0-M2.1\n");
  }

  @Test
  void withoutTheLoadingLibraryAnotherArtifactOfItsGroupGivesTheVersion() {
    assertThat(model(List.of("org.deeplearning4j:deeplearning4j-core:1.0.0-M2.1")).flavorConfig())
        .containsEntry("dl4j_version", "1.0.0-M2.1");
    assertThat(model(List.of("org.nd4j:nd4j-native:1.0.0-M2.1")).flavorConfig())
        .doesNotContainKey("dl4j_version");
  }

  @Test
  void theRecordedMlflowVersionIsThatOfTheMlflowClientInUse() {
    assertThat(MlflowModel.MLFLOW_VERSION).isEqualTo(MlflowClientVersion.getClientVersion());
  }

  private static MlflowModel model(List<String> dependencies) {
    return MlflowModel.create(
        "run",
        "model",
        new LoggedModel(Path.of("m"), List.of("model.bin"), "dl4j", SIGNATURE, dependencies));
  }
}
