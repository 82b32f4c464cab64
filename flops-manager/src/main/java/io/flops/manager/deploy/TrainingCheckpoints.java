package io.flops.manager.deploy;

import io.flops.common.orchestration.Locality;
import io.flops.common.orchestration.Volume;
import io.flops.manager.project.Project;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where a project's aggregator writes its checkpoint after every round ({@code
 * FLOPS_AGGREGATOR_CHECKPOINT_DIR}), so that an aggregator deployed again resumes with the round
 * after the last one completed: {@code <data-dir>/checkpoints/<project id>} on this host, for
 * platforms whose services share this host's files (local processes, Docker here); a durable {@link
 * Volume} {@code flops-checkpoint-<project id>} on platforms that keep volumes (Oakestra with a CSI
 * driver), which the aggregator empties itself when its training ends; otherwise nowhere.
 */
public final class TrainingCheckpoints {

  /** Where an aggregator sees its checkpoint volume. */
  static final String VOLUME_MOUNT = "/var/lib/flops/checkpoint";

  private static final Logger log = LoggerFactory.getLogger(TrainingCheckpoints.class);

  private final Path root;
  private final boolean shared;
  private final boolean volumes;

  /**
   * @param volumes whether the platform keeps durable volumes ({@code Orchestrator.keepsVolumes})
   */
  public TrainingCheckpoints(Path dataDir, Locality locality, boolean volumes) {
    this.root = dataDir.resolve("checkpoints");
    this.shared = locality.simulatesNodes();
    this.volumes = volumes;
  }

  /**
   * Where a project's checkpoints are kept.
   *
   * @param directory the aggregator's checkpoint directory as it sees it
   * @param hostDirectory the directory of this host it is, to share with the aggregator
   * @param volume the volume it is, to mount into the aggregator
   */
  public record Place(String directory, Optional<Path> hostDirectory, Optional<Volume> volume) {}

  /** Where the project's aggregator keeps its checkpoints, when the platform can give a place. */
  public Optional<Place> of(Project project) {
    if (shared) {
      Path directory = root.resolve(project.getId());
      return Optional.of(new Place(directory.toString(), Optional.of(directory), Optional.empty()));
    }
    if (volumes) {
      return Optional.of(
          new Place(
              VOLUME_MOUNT,
              Optional.empty(),
              Optional.of(new Volume("flops-checkpoint-" + project.getId(), VOLUME_MOUNT))));
    }
    return Optional.empty();
  }

  /** Whether a lost aggregator of {@code project} can resume from a checkpoint. */
  public boolean resumable(Project project) {
    return of(project).isPresent();
  }

  /** Deletes the project's checkpoints on this host (its training ended); failures are logged. */
  public void delete(Project project) {
    Optional<Path> directory = of(project).flatMap(Place::hostDirectory).filter(Files::isDirectory);
    if (directory.isEmpty()) {
      return;
    }
    try (Stream<Path> files = Files.walk(directory.get())) {
      for (Path path : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    } catch (IOException e) {
      log.warn("Could not delete the checkpoints of project {}: {}", project.getId(), e.toString());
    }
  }
}
