package io.flops.aggregator.fl;

import static org.assertj.core.api.Assertions.assertThat;

import io.flops.aggregator.role.AggregatorNode;
import io.flops.aggregator.role.AggregatorSettings;
import io.flops.common.events.ComponentEvent.AggregatorSucceeded;
import io.flops.common.events.ObserverEvent;
import io.flops.common.launch.AggregatorLaunch.Role;
import io.flops.examples.mnist.MnistModel;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An aggregator killed in round 2 of 5 and started again on the same checkpoint directory and port
 * resumes after the last completed round: its learners reconnect, the training completes, and every
 * round is tracked exactly once.
 */
class CheckpointResumeIT {

  @TempDir Path checkpoints;

  @Test
  void aRestartedAggregatorResumesFromItsCheckpointAndNoRoundIsTrackedTwice() throws Exception {
    try (FlHarness fl = new FlHarness()) {
      RecordingTracker tracker = new RecordingTracker();
      AggregatorSettings settings =
          FlHarness.resumable(
              FlHarness.settings(Role.CLASSIC, FlHarness.plan(5, 2, 2, 2), "", ""),
              freePort(),
              checkpoints);
      AggregatorNode first =
          new AggregatorNode(settings, fl.events, () -> Optional.of(tracker), MnistModel::new);
      List<Future<Boolean>> learners = new ArrayList<>();
      for (int k = 0; k < 2; k++) {
        var learner =
            fl.mnistLearner(
                "learner-" + (k + 1),
                first.port(),
                MnistPartitions.partition(k, 2, 600, 200),
                FlHarness.mnistModel());
        learners.add(fl.start(learner::run));
      }
      Future<Boolean> firstRun = fl.start(first::run);

      awaitCheckpointOfRound(1);
      firstRun.cancel(true);
      first.close();
      assertThat(fl.events.of(ObserverEvent.Kind.ROUND)).hasSize(1);

      AggregatorNode second = fl.aggregator(settings, () -> Optional.of(tracker));
      assertThat(second.run()).isTrue();

      for (Future<Boolean> learner : learners) {
        assertThat(learner.get(60, TimeUnit.SECONDS)).isTrue();
      }
      assertThat(fl.events.of(ObserverEvent.Kind.ROUND))
          .extracting(r -> r.data().get("round"))
          .containsExactly(1, 2, 3, 4, 5);
      assertThat(tracker.runNames.values())
          .containsExactlyInAnyOrder(
              "FLOps FL round 1",
              "FLOps FL round 2",
              "FLOps FL round 3",
              "FLOps FL round 4",
              "FLOps FL round 5");
      AggregatorSucceeded success = fl.events.of(AggregatorSucceeded.class).get(0);
      assertThat(fl.events.of(AggregatorSucceeded.class)).hasSize(1);
      assertThat(tracker.modelRuns).containsExactly(success.runId());
      assertThat(fl.events.of(ObserverEvent.Kind.LOG))
          .anySatisfy(e -> assertThat(e.message()).contains("resuming after round 1"));
      try (var left = Files.list(checkpoints)) {
        assertThat(left).as("checkpoints left after the training ended").isEmpty();
      }
    }
  }

  private void awaitCheckpointOfRound(int round) throws InterruptedException {
    long deadline = System.currentTimeMillis() + 120_000;
    while (!Files.isDirectory(checkpoints.resolve("round-" + round))
        && System.currentTimeMillis() < deadline) {
      Thread.sleep(20);
    }
    assertThat(checkpoints.resolve("round-" + round)).isDirectory();
  }

  private static int freePort() throws Exception {
    try (ServerSocket socket = new ServerSocket(0)) {
      socket.setReuseAddress(true);
      return socket.getLocalPort();
    }
  }
}
