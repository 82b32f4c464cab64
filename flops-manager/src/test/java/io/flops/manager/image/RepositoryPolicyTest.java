package io.flops.manager.image;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.flops.common.error.FlopsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RepositoryPolicyTest {

  @TempDir Path dir;

  @Test
  void aRepositoryInsideAnAllowedFolderPasses() throws Exception {
    Path allowed = Files.createDirectories(dir.resolve("repos"));
    RepositoryPolicy policy = new RepositoryPolicy(List.of(allowed));

    assertThatCode(() -> policy.check(allowed.resolve("team/model").toUri().toString()))
        .doesNotThrowAnyException();
  }

  @Test
  void aRepositoryElsewhereOnTheHostIsRefusedNamingTheFieldAndTheSetting() throws Exception {
    RepositoryPolicy policy =
        new RepositoryPolicy(List.of(Files.createDirectories(dir.resolve("repos"))));

    assertThatThrownBy(() -> policy.check("file:///etc/models/repo.git"))
        .isInstanceOf(FlopsException.class)
        .hasMessageContaining("ml_repo_url")
        .hasMessageContaining(RepositoryPolicy.SETTING)
        .extracting(e -> ((FlopsException) e).fieldErrors().get(0).pointer())
        .isEqualTo("/ml_repo_url");
  }

  @Test
  void dotDotAndSymbolicLinksCannotLeadOut() throws Exception {
    Path allowed = Files.createDirectories(dir.resolve("repos"));
    Path secret = Files.createDirectories(dir.resolve("secret"));
    Files.createSymbolicLink(allowed.resolve("link"), secret);
    RepositoryPolicy policy = new RepositoryPolicy(List.of(allowed));

    assertThatThrownBy(() -> policy.check("file://" + allowed + "/../secret"))
        .isInstanceOf(FlopsException.class);
    assertThatThrownBy(() -> policy.check(allowed.resolve("link").toUri().toString()))
        .isInstanceOf(FlopsException.class);
  }

  @Test
  void remoteRepositoriesAreLeftToTheSlasValidation() {
    RepositoryPolicy policy = new RepositoryPolicy(List.of());

    assertThatCode(() -> policy.check("https://github.com/owner/repo.git"))
        .doesNotThrowAnyException();
  }
}
