package io.flops.aggregator.fl;

import io.flops.aggregator.role.AggregatorNode;
import io.flops.aggregator.role.AggregatorSettings;
import io.flops.aggregator.strategy.OptimizerSettings;
import io.flops.aggregator.strategy.Strategies.StrategySettings;
import io.flops.aggregator.tracking.TrackerProvider;
import io.flops.aggregator.training.TrainingPlan;
import io.flops.common.events.ObserverEvent;
import io.flops.common.fl.FlClientSettings;
import io.flops.common.fl.ParameterChunks;
import io.flops.common.launch.AggregatorLaunch.Role;
import io.flops.common.sla.Strategy;
import io.flops.examples.mnist.MnistDataManager;
import io.flops.examples.mnist.MnistModel;
import io.flops.learner.data.LocalDataSource;
import io.flops.learner.training.Learner;
import io.flops.learner.training.LearnerSettings;
import io.flops.mlapi.DataManager;
import io.flops.mlapi.ModelManager;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;

/** Runs aggregators and learners in this JVM over real gRPC on loopback ports. */
final class FlHarness implements AutoCloseable {

  static final Duration HEARTBEAT = Duration.ofMillis(200);
  static final Duration LIVENESS = Duration.ofSeconds(3);

  final RecordingEvents events = new RecordingEvents();
  private final ExecutorService threads = Executors.newCachedThreadPool();
  private final List<AutoCloseable> resources = new ArrayList<>();

  static TrainingPlan plan(int rounds, int minAvailable, int minFit, int minEvaluate) {
    return new TrainingPlan(
        rounds,
        minAvailable,
        minFit,
        minEvaluate,
        1,
        32,
        Duration.ofMinutes(2),
        Duration.ofSeconds(20),
        2,
        ParameterChunks.DEFAULT_CHUNK_BYTES,
        Map.of());
  }

  static AggregatorSettings settings(Role role, TrainingPlan plan, String cluster, String root) {
    return new AggregatorSettings(
        "p1",
        role,
        plan,
        Strategy.FEDAVG,
        new StrategySettings(new OptimizerSettings(0.01f, 0.9f, 0.99f, 0.001f), 0.2, 0),
        0,
        HEARTBEAT,
        LIVENESS,
        cluster,
        root,
        "customer",
        "https://example.org/repo.git",
        "abc123",
        List.of("org.deeplearning4j:deeplearning4j-nn:1.0.0-M2.1"));
  }

  /** {@code settings} listening on {@code port}, with checkpoints in {@code checkpoints}. */
  static AggregatorSettings resumable(AggregatorSettings settings, int port, Path checkpoints) {
    return new AggregatorSettings(
        settings.projectId(),
        settings.role(),
        settings.plan(),
        settings.strategy(),
        settings.strategySettings(),
        port,
        settings.heartbeatInterval(),
        settings.livenessTimeout(),
        settings.cluster(),
        settings.rootAddress(),
        settings.customerId(),
        settings.repoUrl(),
        settings.commit(),
        settings.modelDependencies(),
        settings.updateMemory(),
        Optional.of(checkpoints),
        settings.bindHost(),
        settings.access());
  }

  AggregatorNode aggregator(AggregatorSettings settings, TrackerProvider trackers) {
    return aggregator(settings, trackers, MnistModel::new);
  }

  AggregatorNode aggregator(
      AggregatorSettings settings, TrackerProvider trackers, Supplier<ModelManager<?>> model) {
    AggregatorNode node = new AggregatorNode(settings, events, trackers, model);
    resources.add(node);
    return node;
  }

  AggregatorNode aggregator(AggregatorSettings settings) {
    return aggregator(settings, Optional::empty);
  }

  Learner<?> mnistLearner(String name, int port, LocalDataSource data, CountingModel<?> model) {
    return learner(name, port, data, model, new MnistDataManager(), "mnist");
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  Learner<?> learner(
      String name,
      int port,
      LocalDataSource data,
      ModelManager model,
      DataManager dataManager,
      String tag) {
    Learner<?> learner =
        new Learner(
            new LearnerSettings(
                new FlClientSettings(
                    "127.0.0.1:" + port,
                    name,
                    "p1",
                    List.of(tag),
                    HEARTBEAT,
                    LIVENESS,
                    Duration.ofMillis(100),
                    Duration.ofSeconds(1),
                    ParameterChunks.DEFAULT_CHUNK_BYTES),
                Duration.ofSeconds(10)),
            data,
            model,
            dataManager,
            events);
    resources.add(learner);
    return learner;
  }

  static CountingModel<?> mnistModel() {
    return new CountingModel<>(new MnistModel());
  }

  /** Waits until {@code count} learners joined (so a round starts with all of them). */
  void awaitJoined(int count) throws InterruptedException {
    long deadline = System.currentTimeMillis() + 120_000;
    while (events.of(ObserverEvent.Kind.LEARNER).stream()
                .filter(e -> "joined".equals(e.data().get("status")))
                .count()
            < count
        && System.currentTimeMillis() < deadline) {
      Thread.sleep(50);
    }
  }

  <T> Future<T> start(Callable<T> task) {
    return threads.submit(task);
  }

  @Override
  public void close() throws Exception {
    for (AutoCloseable resource : resources) {
      resource.close();
    }
    threads.shutdownNow();
  }
}
