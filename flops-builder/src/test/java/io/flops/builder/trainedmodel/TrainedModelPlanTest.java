package io.flops.builder.trainedmodel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.flops.builder.image.InferenceLayers;
import io.flops.builder.image.LocalStoreTarget;
import io.flops.builder.maven.MavenBuild;
import io.flops.builder.maven.MavenRunner;
import io.flops.builder.maven.MlApiArtifact;
import io.flops.builder.plan.BuildFailure;
import io.flops.builder.plan.PlanRunner;
import io.flops.builder.support.FixtureRuntime;
import io.flops.builder.support.RecordingEventPublisher;
import io.flops.common.events.ComponentEvent;
import io.flops.common.events.ComponentEvent.BuildPlan;
import io.flops.common.image.ImageUnpacker;
import io.flops.common.image.LocalImageStore;
import io.flops.common.image.UnpackedImage;
import io.flops.common.launch.BuildRuntimes;
import io.flops.common.launch.BuilderLaunch;
import io.flops.common.launch.BuilderLaunch.BuildSources;
import io.flops.common.launch.ImageOutput;
import io.flops.common.launch.ServiceLaunch;
import io.flops.common.launch.TrackingLaunch;
import io.flops.common.sla.Platform;
import io.flops.common.testsupport.ExternalServer;
import io.flops.mlapi.ModelSignature;
import io.flops.tracking.LoggedModel;
import io.flops.tracking.filestore.FileStoreTracker;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The trained-model plan against a real MLflow file store and the local image store: the image's
 * name, its model layer, environment and entrypoint, and the sentences of its failures.
 */
class TrainedModelPlanTest {

  private static final byte[] MODEL_BYTES = {'P', 'K', 3, 4, 42, 42};

  @TempDir Path tmp;
  private Path store;
  private String runId;

  @BeforeEach
  void logAModel() throws Exception {
    store = tmp.resolve("mlruns");
    Path saved = Files.createDirectories(tmp.resolve("saved"));
    Files.write(saved.resolve("model.zip"), MODEL_BYTES);
    try (FileStoreTracker tracker = new FileStoreTracker(store)) {
      String experiment = tracker.getOrCreateExperiment("p-1", Map.of());
      runId = tracker.startRun(experiment, "round-2", null, Map.of());
      LoggedModel model =
          new LoggedModel(
              saved,
              List.of("model.zip"),
              "dl4j",
              new ModelSignature(new long[] {784}, "float32", List.of("0", "1")),
              List.of("org.deeplearning4j:deeplearning4j-nn:1.0.0-M2.1"));
      tracker.logModel(runId, "model", model, null);
    }
  }

  @Test
  void readsTheModelUrisTheAggregatorReportsAndLocalDirectories() throws BuildFailure {
    ModelLocation reported = ModelLocation.parse("runs:/abc123/model", "");
    assertThat(reported.tracked()).isTrue();
    assertThat(reported.runId()).isEqualTo("abc123");
    assertThat(reported.artifactPath()).isEqualTo("model");
    ModelLocation fromRunId = ModelLocation.parse("", "abc123");
    assertThat(fromRunId.uri()).isEqualTo("runs:/abc123/model");
    assertThat(ModelLocation.parse("file:/data/model", "").directory())
        .isEqualTo(Path.of("/data/model"));
    assertThat(ModelLocation.parse("/data/model", "").tracked()).isFalse();
    assertThatThrownBy(() -> ModelLocation.parse("models:/mnist/1", "abc"))
        .hasMessage(
            "The model URI models:/mnist/1 is not supported; give runs:/<run id>/<artifact path>"
                + " or a model directory.");
  }

  @Test
  void buildsTheInferenceServerWithTheModelAtAppModel() throws Exception {
    Path images = tmp.resolve("images");
    PlanRunner.Result result = run(settings(store.toString()), "runs:/" + runId + "/model", images);

    assertThat(result.failure()).isNull();
    String reference = "ada-lab/trained_model:" + runId;
    assertThat(result.outcome().images()).extracting(i -> i.reference()).containsExactly(reference);
    assertThat(result.outcome().source()).isEqualTo(runId);
    assertThat(result.outcome().timingsMillis())
        .containsKeys("fetch_model", "runtime", "model_image", "total");
    UnpackedImage image =
        new ImageUnpacker(new LocalImageStore(images), tmp.resolve("unpacked")).unpack(reference);
    assertThat(image.root().resolve("app/model/model.zip")).hasBinaryContent(MODEL_BYTES);
    assertThat(image.root().resolve("app/model/MLmodel"))
        .content()
        .contains("run_id: " + runId, "dl4j:");
    assertThat(image.root().resolve("app/runtime/classes/io/flops/fixture/FixtureActor.class"))
        .isRegularFile();
    assertThat(image.config().environment())
        .containsEntry("FLOPS_INFERENCE_MODEL_DIR", InferenceLayers.MODEL_DIR);
    assertThat(image.config().entrypoint())
        .containsExactly(
            "java",
            "--add-opens=java.base/java.nio=ALL-UNNAMED",
            "-cp",
            InferenceLayers.CLASSPATH,
            "io.flops.fixture.FixtureActor");
  }

  @Test
  void aMissingRunFailsWithOneSentenceNamingIt() throws Exception {
    PlanRunner.Result result =
        run(settings(store.toString()), "runs:/0123456789abcdef/model", tmp.resolve("images"));

    assertThat(result.failure())
        .startsWith("Cannot fetch the model runs:/0123456789abcdef/model from " + store)
        .contains("Run 0123456789abcdef does not exist in the MLflow file store")
        .endsWith(".")
        .doesNotContain("\n");
  }

  @Test
  void aRunWithoutAModelFailsSayingSo() throws Exception {
    PlanRunner.Result result =
        run(settings(store.toString()), "runs:/" + runId + "/other", tmp.resolve("images"));

    assertThat(result.failure())
        .isEqualTo(
            "Cannot fetch the model runs:/"
                + runId
                + "/other from "
                + store
                + ": Run "
                + runId
                + " has no artifacts at other.");
  }

  @Test
  void anUnreachableTrackingServerFailsWithOneSentence() throws Exception {
    String url = "http://127.0.0.1:" + ExternalServer.freePort();
    PlanRunner.Result result = run(settings(url), "runs:/" + runId + "/model", tmp.resolve("i"));

    assertThat(result.failure())
        .startsWith("Cannot fetch the model runs:/" + runId + "/model from " + url + ": ")
        .contains("could not be reached")
        .doesNotContain("\n");
  }

  @Test
  void missingSettingsAreNamed() throws Exception {
    assertThat(run(settings(""), "runs:/" + runId + "/model", tmp.resolve("i")).failure())
        .isEqualTo(
            "Cannot fetch the model runs:/" + runId + "/model: FLOPS_TRACKING_URI is empty.");
    assertThat(run(settings(store.toString()), "", tmp.resolve("i")).failure())
        .isEqualTo(
            "No model to build: FLOPS_BUILDER_MODEL_URI and FLOPS_BUILDER_RUN_ID are both empty.");
    assertThat(
            run(settings(tmp.resolve("nowhere").toString()), "runs:/r1/model", tmp.resolve("i"))
                .failure())
        .isEqualTo(
            "Cannot fetch the model runs:/r1/model: the MLflow file store "
                + tmp.resolve("nowhere")
                + " does not exist.");
  }

  private static TrackingLaunch settings(String uri) {
    return new TrackingLaunch(uri, "", "", "");
  }

  private PlanRunner.Result run(TrackingLaunch tracking, String modelUri, Path images)
      throws Exception {
    BuilderLaunch launch =
        new BuilderLaunch(
            ServiceLaunch.fromEnvironment(Map.of()),
            BuildPlan.TRAINED_MODEL,
            BuildSources.trainedModel("Ada@Lab", "", modelUri, tracking),
            new ImageOutput(
                List.of(Platform.LINUX_AMD64), "", true, images, "scratch", tmp.resolve("jib")),
            new BuildRuntimes(null, null, FixtureRuntime.jar(tmp, "inference"), "mvn"));
    MavenBuild maven =
        new MavenBuild(
            new MavenRunner("mvn", tmp.resolve("m2"), true, Duration.ofMinutes(1)),
            new MlApiArtifact(MlApiArtifact.flopsVersion()));
    TrainedModelPlan plan =
        new TrainedModelPlan(
            launch,
            new ModelFetcher(tracking),
            maven,
            new LocalStoreTarget(new LocalImageStore(images), tmp.resolve("jib")));
    RecordingEventPublisher events = new RecordingEventPublisher();
    PlanRunner.Result result = new PlanRunner(events, tmp.resolve("work"), false).run(plan, "p-1");
    assertThat(events.componentEvents.get(0)).isInstanceOf(ComponentEvent.BuilderStarted.class);
    return result;
  }
}
