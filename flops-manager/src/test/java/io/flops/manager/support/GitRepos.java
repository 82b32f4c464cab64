package io.flops.manager.support;

import java.nio.file.Files;
import java.nio.file.Path;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.revwalk.RevCommit;

/** Real Git repositories on disk for tests. */
public final class GitRepos {

  private GitRepos() {}

  /** A repository at {@code dir} with one commit; returns its {@code file://} URL. */
  public static String create(Path dir) throws Exception {
    Files.createDirectories(dir);
    try (Git git = Git.init().setDirectory(dir.toFile()).setInitialBranch("main").call()) {
      Files.writeString(dir.resolve("pom.xml"), "<project/>\n");
      git.add().addFilepattern(".").call();
      git.commit().setMessage("ML code").setAuthor("t", "t@example.org").setSign(false).call();
    }
    return dir.toUri().toString();
  }

  /** The commit HEAD points to. */
  public static String head(Path dir) throws Exception {
    try (Git git = Git.open(dir.toFile())) {
      RevCommit commit = git.log().setMaxCount(1).call().iterator().next();
      return commit.getName();
    }
  }
}
