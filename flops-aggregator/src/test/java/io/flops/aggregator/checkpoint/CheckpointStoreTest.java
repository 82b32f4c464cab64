package io.flops.aggregator.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckpointStoreTest {

  @TempDir Path directory;

  @Test
  void theLatestCheckpointComesBackAsWrittenAndOlderOnesAreRemoved() throws Exception {
    CheckpointStore store = new CheckpointStore(directory);
    store.write(new Checkpoint(1, new float[] {1f}, Map.of(), Optional.empty()));
    Checkpoint second =
        new Checkpoint(
            2,
            new float[] {0.5f, -0f, Float.MAX_VALUE},
            Map.of("m", new float[] {0.1f}, "v", new float[] {0.2f}),
            Optional.of(new Checkpoint.Best(1, 0.25, 0.75, new float[] {3f}, "run-1")));

    store.write(second);
    Checkpoint read = new CheckpointStore(directory).latest().orElseThrow();

    assertThat(read.round()).isEqualTo(2);
    assertThat(read.global()).containsExactly(0.5f, -0f, Float.MAX_VALUE);
    assertThat(read.strategyState()).containsOnlyKeys("m", "v");
    assertThat(read.strategyState().get("v")).containsExactly(0.2f);
    Checkpoint.Best best = read.best().orElseThrow();
    assertThat(best.round()).isEqualTo(1);
    assertThat(best.loss()).isEqualTo(0.25);
    assertThat(best.accuracy()).isEqualTo(0.75);
    assertThat(best.parameters()).containsExactly(3f);
    assertThat(best.runId()).isEqualTo("run-1");
    assertThat(directory.resolve("round-1")).doesNotExist();
  }

  @Test
  void aCheckpointLeftHalfWrittenIsIgnored() throws Exception {
    CheckpointStore store = new CheckpointStore(directory);
    store.write(new Checkpoint(3, new float[] {1f}, Map.of(), Optional.empty()));
    Files.createDirectories(directory.resolve("round-4.partial"));

    assertThat(store.latest().orElseThrow().round()).isEqualTo(3);
  }

  @Test
  void noDirectoryMeansNoCheckpoint() throws Exception {
    assertThat(new CheckpointStore(directory.resolve("absent")).latest()).isEmpty();
  }
}
