package io.flops.manager.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.flops.common.error.ErrorKind;
import io.flops.common.error.FlopsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** git ls-remote through JGit on a real repository. */
class CommitLookupTest {

  @TempDir Path dir;

  private final CommitLookup lookup = new CommitLookup(Duration.ofSeconds(10));

  @Test
  void findsHeadBranchesAndAnnotatedTags() throws Exception {
    RevCommit first;
    RevCommit second;
    try (Git git = Git.init().setDirectory(dir.toFile()).setInitialBranch("main").call()) {
      Files.writeString(dir.resolve("a.txt"), "1");
      git.add().addFilepattern(".").call();
      first = git.commit().setMessage("one").setAuthor("t", "t@e.org").setSign(false).call();
      git.tag().setName("v1").setAnnotated(true).setMessage("v1").setSigned(false).call();
      git.branchCreate().setName("stable").call();
      Files.writeString(dir.resolve("a.txt"), "2");
      git.add().addFilepattern(".").call();
      second = git.commit().setMessage("two").setAuthor("t", "t@e.org").setSign(false).call();
    }
    String url = dir.toUri().toString();

    assertThat(lookup.latestCommit(url, null, null)).isEqualTo(second.getName());
    assertThat(lookup.latestCommit(url, "main", null)).isEqualTo(second.getName());
    assertThat(lookup.latestCommit(url, "stable", null)).isEqualTo(first.getName());
    assertThat(lookup.latestCommit(url, "v1", null)).isEqualTo(first.getName());
    assertThat(lookup.latestCommit(url, first.getName(), null)).isEqualTo(first.getName());
    assertThatThrownBy(() -> lookup.latestCommit(url, "nope", null))
        .isInstanceOfSatisfying(
            FlopsException.class, e -> assertThat(e.kind()).isEqualTo(ErrorKind.INVALID_INPUT))
        .hasMessageContaining("no branch or tag 'nope'");
  }

  @Test
  void anUnreadableRepositoryIsAnOutsideFailureNamingIt() {
    String url = dir.resolve("missing").toUri().toString();
    assertThatThrownBy(() -> lookup.latestCommit(url, null, null))
        .isInstanceOfSatisfying(
            FlopsException.class, e -> assertThat(e.kind()).isEqualTo(ErrorKind.OUTSIDE_FAILURE))
        .hasMessageContaining(url);
  }
}
