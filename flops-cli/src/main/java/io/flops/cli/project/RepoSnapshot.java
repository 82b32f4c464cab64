package io.flops.cli.project;

import io.flops.cli.demo.ExampleRepository;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.eclipse.jgit.api.Git;

/**
 * A local ML repository directory committed into a Git repository the manager's builder clones by
 * its {@code file://} URL, as {@code flops demo} does ({@link ExampleRepository}). Each submission
 * makes a fresh snapshot {@code <snapshots>/<directory name>}; the same content gives the same
 * commit, so the manager reuses the images it built for it.
 */
public final class RepoSnapshot {

  static final String MARKER = "flops-snapshot";

  private RepoSnapshot() {}

  /**
   * A snapshot's URL and commit.
   *
   * @param url the snapshot's {@code file://} URL, the SLA's {@code ml_repo_url}
   * @param commit the commit id
   */
  public record Snapshot(String url, String commit) {}

  /** The default place for snapshots: {@code ~/.flops/repos}. */
  public static Path defaultDirectory() {
    return Path.of(System.getProperty("user.home"), ".flops", "repos");
  }

  /**
   * Commits {@code source} into {@code <snapshots>/<source's name>}, replacing an older snapshot.
   */
  public static Snapshot take(Path source, Path snapshots) {
    Path dir = source.toAbsolutePath().normalize();
    if (!Files.isDirectory(dir)) {
      throw new IllegalArgumentException(dir + " is not a directory");
    }
    Path target = snapshots.toAbsolutePath().normalize().resolve(dir.getFileName().toString());
    removeOlderSnapshot(target);
    String url = ExampleRepository.commit(dir, target);
    try (Git git = Git.open(target.toFile())) {
      Files.writeString(target.resolve(".git").resolve(MARKER), "made by flops submit\n");
      return new Snapshot(url, git.getRepository().resolve("HEAD").name());
    } catch (IOException e) {
      throw new UncheckedIOException("Could not read the snapshot " + target, e);
    }
  }

  private static void removeOlderSnapshot(Path target) {
    if (!Files.exists(target)) {
      return;
    }
    if (!Files.exists(target.resolve(".git").resolve(MARKER))) {
      throw new IllegalStateException(
          target
              + " exists and is not a snapshot of flops submit; remove it or choose another"
              + " --snapshot-dir");
    }
    try (Stream<Path> tree = Files.walk(target)) {
      for (Path path : tree.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Could not remove the older snapshot " + target, e);
    }
  }
}
