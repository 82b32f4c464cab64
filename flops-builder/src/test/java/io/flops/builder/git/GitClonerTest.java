package io.flops.builder.git;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.flops.builder.plan.BuildFailure;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.PersonIdent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GitClonerTest {

  @TempDir Path tmp;
  private final GitCloner cloner = new GitCloner();

  @Test
  void clonesABranchShallowAndACommitBySha() throws Exception {
    Path origin = tmp.resolve("origin");
    String first;
    String second;
    try (Git git = Git.init().setDirectory(origin.toFile()).setInitialBranch("main").call()) {
      first = commit(git, origin, "a.txt", "one");
      second = commit(git, origin, "a.txt", "two");
      git.branchCreate().setName("dev").setStartPoint(first).call();
    }
    String url = origin.toUri().toString();

    assertThat(cloner.clone(url, "", null, tmp.resolve("c1")).commit()).isEqualTo(second);
    Checkout dev = cloner.clone(url, "dev", null, tmp.resolve("c2"));
    assertThat(dev.commit()).isEqualTo(first);
    assertThat(Files.readString(dev.directory().resolve("a.txt"))).isEqualTo("one");
    assertThat(cloner.clone(url, first, null, tmp.resolve("c3")).commit()).isEqualTo(first);
  }

  @Test
  void speaksSshAndNeverShowsACredential() throws Exception {
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    String ssh = "ssh://git@127.0.0.1:" + port + "/owner/repo.git";
    assertThatThrownBy(() -> cloner.clone(ssh, "", null, tmp.resolve("s")))
        .isInstanceOf(BuildFailure.class)
        .hasMessageStartingWith("Cannot reach the repository " + ssh.replace("git@", ""))
        .hasMessageContaining("Connection refused");
    String http = "http://alice:s3cret@127.0.0.1:" + port + "/owner/repo.git";
    assertThatThrownBy(() -> cloner.clone(http, "", "alice:s3cret", tmp.resolve("h")))
        .isInstanceOf(BuildFailure.class)
        .message()
        .doesNotContain("s3cret");
  }

  private static String commit(Git git, Path dir, String file, String content) throws Exception {
    Files.writeString(dir.resolve(file), content);
    git.add().addFilepattern(file).call();
    PersonIdent who = new PersonIdent("t", "t@flops.io");
    return git.commit().setMessage(content).setAuthor(who).setCommitter(who).call().name();
  }
}
