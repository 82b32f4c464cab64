package io.flops.manager.deploy;

import io.flops.common.orchestration.Locality;
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
 * FLOPS_AGGREGATOR_CHECKPOINT_DIR}): {@code <data-dir>/checkpoints/<project id>} on this host, for
 * platforms whose services share this host's files (local processes, Docker here). An aggregator
 * deployed again on the same directory resumes with the round after the last one it completed.
 * Platforms on other machines get no checkpoint yet (their services cannot mount this host's
 * directories).
 */
public final class TrainingCheckpoints {

  private static final Logger log = LoggerFactory.getLogger(TrainingCheckpoints.class);

  private final Path root;
  private final boolean shared;

  public TrainingCheckpoints(Path dataDir, Locality locality) {
    this.root = dataDir.resolve("checkpoints");
    this.shared = locality.simulatesNodes();
  }

  /** The project's checkpoint directory, where the platform can give one. */
  public Optional<Path> of(Project project) {
    return shared ? Optional.of(root.resolve(project.getId())) : Optional.empty();
  }

  /** Whether a lost aggregator of {@code project} can resume from a checkpoint. */
  public boolean resumable(Project project) {
    return of(project).isPresent();
  }

  /** Deletes the project's checkpoints (its training ended); failures are logged. */
  public void delete(Project project) {
    Optional<Path> directory = of(project).filter(Files::isDirectory);
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
