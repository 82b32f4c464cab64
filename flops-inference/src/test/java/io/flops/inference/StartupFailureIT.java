package io.flops.inference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.flops.common.launch.InvalidLaunchSettingException;
import io.flops.inference.model.ModelLoadException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;

/** A model directory that cannot be served stops the server at start with a readable reason. */
class StartupFailureIT {

  @TempDir Path dir;

  @Test
  void aDirectoryWithoutMlmodelIsNamedInTheFailure() {
    assertThat(startFailure(dir))
        .isInstanceOf(ModelLoadException.class)
        .hasMessageContaining("No MLmodel file in " + dir.toAbsolutePath())
        .hasMessageContaining("FLOPS_INFERENCE_MODEL_DIR");
  }

  @Test
  void aFlavorNoLoaderKnowsIsNamedWithTheFlavorsThisServerLoads() throws Exception {
    Files.writeString(
        dir.resolve("MLmodel"),
        "flavors:\n  sklearn:\n    pickled_model: model.pkl\n  python_function:\n    loader_module: x\n");

    assertThat(startFailure(dir))
        .isInstanceOf(ModelLoadException.class)
        .hasMessageContaining("[sklearn, python_function]")
        .hasMessageContaining("[dl4j]");
  }

  @Test
  void aSignatureThatDoesNotFitTheNetworkIsRefusedAtStart() throws Exception {
    Path model = MnistModelFixture.get().directory();
    Files.copy(model.resolve("model.zip"), dir.resolve("model.zip"));
    Files.writeString(
        dir.resolve("MLmodel"), MnistModelFixture.mlmodel().replace("[-1, 784]", "[-1, 100]"));

    assertThat(startFailure(dir))
        .isInstanceOf(ModelLoadException.class)
        .hasMessageContaining("does not accept rows of the signature's shape [100]");
  }

  @Test
  void withoutAModelDirectoryTheVariableIsNamed() {
    SpringApplication application = new SpringApplication(InferenceApplication.class);
    application.setWebApplicationType(WebApplicationType.NONE);

    assertThat(catchThrowable(application::run))
        .rootCause()
        .isInstanceOf(InvalidLaunchSettingException.class)
        .hasMessage("FLOPS_INFERENCE_MODEL_DIR is not set; this service needs it.");
  }

  private static Throwable startFailure(Path modelDir) {
    SpringApplication application = new SpringApplication(InferenceApplication.class);
    application.setWebApplicationType(WebApplicationType.NONE);
    Throwable thrown =
        catchThrowable(
            () -> application.run("--flops.inference.model-dir=" + modelDir.toAbsolutePath()));
    assertThat(thrown).as("the server started although the model cannot be served").isNotNull();
    for (Throwable cause = thrown; cause != null; cause = cause.getCause()) {
      if (cause instanceof ModelLoadException) {
        return cause;
      }
    }
    return thrown;
  }
}
