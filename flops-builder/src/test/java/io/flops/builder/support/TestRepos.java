package io.flops.builder.support;

import io.flops.builder.maven.MlApiArtifact;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.PersonIdent;

/** Turns a repository committed under src/test/resources/repos into a real Git repository. */
public final class TestRepos {

  private TestRepos() {}

  /** Changes a copied repository before its first commit. */
  @FunctionalInterface
  public interface Change {
    void apply(Path repo) throws IOException;
  }

  /** Copies {@code repos/<name>} into {@code dir}, fills in the FLOps version, commits it. */
  public static Path create(String name, Path dir) throws IOException, GitAPIException {
    return create(name, dir, repo -> {});
  }

  /** Like {@link #create(String, Path)}, with {@code change} applied before the commit. */
  public static Path create(String name, Path dir, Change change)
      throws IOException, GitAPIException {
    Path source = resource("repos/" + name);
    try (Stream<Path> files = Files.walk(source)) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        Path target = dir.resolve(source.relativize(file).toString());
        Files.createDirectories(target.getParent());
        Files.writeString(
            target,
            Files.readString(file).replace("@FLOPS_VERSION@", MlApiArtifact.flopsVersion()));
      }
    }
    change.apply(dir);
    try (Git git = Git.init().setDirectory(dir.toFile()).setInitialBranch("main").call()) {
      commit(git, "initial");
    }
    return dir;
  }

  /** Commits every change in {@code repo}; returns the new commit sha. */
  public static String commitAll(Path repo, String message) throws IOException, GitAPIException {
    try (Git git = Git.open(repo.toFile())) {
      return commit(git, message);
    }
  }

  private static String commit(Git git, String message) throws GitAPIException {
    git.add().addFilepattern(".").call();
    git.add().setUpdate(true).addFilepattern(".").call();
    PersonIdent who = new PersonIdent("FLOps Test", "test@flops.io");
    return git.commit().setMessage(message).setAuthor(who).setCommitter(who).call().name();
  }

  /** A {@code file://} URL of a local repository. */
  public static String url(Path repo) {
    return repo.toUri().toString();
  }

  static Path resource(String name) {
    try {
      return Path.of(TestRepos.class.getClassLoader().getResource(name).toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }
}
