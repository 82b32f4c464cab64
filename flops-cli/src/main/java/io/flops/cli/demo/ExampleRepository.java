package io.flops.cli.demo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.util.TimeZone;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.PersonIdent;

/**
 * An ML repository directory (e.g. {@code examples/mnist-dl4j}) committed into a fresh local Git
 * repository, which the manager's builder clones by its {@code file://} URL.
 */
public final class ExampleRepository {

  private static final PersonIdent AUTHOR =
      new PersonIdent(
          "FLOps demo",
          "demo@flops.invalid",
          Instant.parse("2026-01-01T00:00:00Z"),
          TimeZone.getTimeZone("UTC").toZoneId());

  private ExampleRepository() {}

  /**
   * Copies {@code source} (without its {@code target/} build output) to {@code repository} and
   * commits it there.
   *
   * @return the repository's {@code file://} URL
   */
  public static String commit(Path source, Path repository) {
    if (!Files.isDirectory(source)) {
      throw new IllegalArgumentException("There is no ML repository directory " + source);
    }
    copy(source, repository);
    try (Git git = Git.init().setDirectory(repository.toFile()).setInitialBranch("main").call()) {
      git.add().addFilepattern(".").call();
      git.commit()
          .setMessage("The FLOps demo's ML repository")
          .setAuthor(AUTHOR)
          .setCommitter(AUTHOR)
          .setSign(false)
          .call();
    } catch (GitAPIException e) {
      throw new IllegalStateException(
          "Could not commit " + source + " into a Git repository at " + repository, e);
    }
    return url(repository);
  }

  /** The {@code file://} URL of a local repository, without a trailing slash. */
  public static String url(Path repository) {
    String uri = repository.toAbsolutePath().normalize().toUri().toString();
    return uri.endsWith("/") ? uri.substring(0, uri.length() - 1) : uri;
  }

  private static void copy(Path source, Path target) {
    try {
      Files.walkFileTree(
          source,
          new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes)
                throws IOException {
              String name = dir.getFileName().toString();
              if (!dir.equals(source) && (name.equals("target") || name.equals(".git"))) {
                return FileVisitResult.SKIP_SUBTREE;
              }
              Files.createDirectories(target.resolve(source.relativize(dir).toString()));
              return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes)
                throws IOException {
              Files.copy(
                  file,
                  target.resolve(source.relativize(file).toString()),
                  StandardCopyOption.REPLACE_EXISTING);
              return FileVisitResult.CONTINUE;
            }
          });
    } catch (IOException e) {
      throw new UncheckedIOException("Could not copy " + source + " to " + target, e);
    }
  }
}
