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
  void inProductionLoopbackAndLinkLocalHostsAreRefused() {
    RepositoryPolicy production = new RepositoryPolicy(List.of(), true);

    for (String url :
        List.of(
            "https://127.0.0.1/group/repo.git",
            "http://localhost:3000/group/repo.git",
            "http://169.254.169.254/latest/meta-data",
            "https://[::1]/repo.git",
            "ssh://git@127.0.0.2/repo.git",
            "git@localhost:group/repo.git")) {
      assertThatThrownBy(() -> production.check(url))
          .as(url)
          .isInstanceOf(FlopsException.class)
          .hasMessageContaining(RepositoryPolicy.LOCAL_HOSTS_SETTING);
    }
    assertThatCode(() -> production.check("https://repo.invalid/group/repo.git"))
        .as("a name that does not resolve is left to the repository check")
        .doesNotThrowAnyException();
    assertThatCode(
            () -> new RepositoryPolicy(List.of(), false).check("http://127.0.0.1:3000/r.git"))
        .as("on one host a local Git server is fine")
        .doesNotThrowAnyException();
  }

  @Test
  void remoteRepositoriesAreLeftToTheSlasValidation() {
    RepositoryPolicy policy = new RepositoryPolicy(List.of());

    assertThatCode(() -> policy.check("https://github.com/owner/repo.git"))
        .doesNotThrowAnyException();
  }

  @Test
  void onlyTheAllowedSchemesPass() {
    RepositoryPolicy encrypted =
        new RepositoryPolicy(List.of(), false, List.of("https", "ssh"), List.of());

    for (String url :
        List.of("http://git.example.org/r.git", "git://git.example.org/r.git", "file:///srv/r")) {
      assertThatThrownBy(() -> encrypted.check(url))
          .as(url)
          .isInstanceOf(FlopsException.class)
          .hasMessageContaining("https, ssh")
          .hasMessageContaining(RepositoryPolicy.SCHEMES_SETTING);
    }
    assertThatCode(() -> encrypted.check("https://git.example.org/r.git"))
        .doesNotThrowAnyException();
    assertThatCode(() -> encrypted.check("git@git.example.org:group/r.git"))
        .as("scp-like URLs are ssh")
        .doesNotThrowAnyException();
    assertThatThrownBy(() -> new RepositoryPolicy(List.of(), false, List.of("ftp"), List.of()))
        .hasMessageContaining("'ftp' in " + RepositoryPolicy.SCHEMES_SETTING);
  }

  @Test
  void hostsInADeniedNetworkAreRefusedNamingTheNetworkAndTheSetting() {
    RepositoryPolicy policy =
        new RepositoryPolicy(
            List.of(), false, RepositoryPolicy.ALL_SCHEMES, List.of("10.0.0.0/8", "fd00::/8"));

    for (String url :
        List.of(
            "https://10.1.2.3/group/r.git",
            "ssh://git@10.255.0.1/r.git",
            "git@10.9.9.9:group/r.git",
            "https://[fd12::5]/r.git")) {
      assertThatThrownBy(() -> policy.check(url))
          .as(url)
          .isInstanceOf(FlopsException.class)
          .hasMessageContaining(RepositoryPolicy.DENIED_NETWORKS_SETTING);
    }
    assertThatThrownBy(() -> policy.check("https://10.1.2.3/r.git"))
        .hasMessageContaining("10.0.0.0/8");
    for (String url :
        List.of(
            "https://11.0.0.1/r.git", "https://[fe80::1]/r.git", "https://[::ffff:b00:1]/r.git")) {
      assertThatCode(() -> policy.check(url)).as(url).doesNotThrowAnyException();
    }
  }

  @Test
  void aMalformedNetworkStopsTheManagerNamingTheSetting() {
    for (String bad : List.of("10.0.0.0/33", "example.org/8", "10.0.0.0/x", "")) {
      assertThatThrownBy(
              () ->
                  new RepositoryPolicy(
                      List.of(), false, RepositoryPolicy.ALL_SCHEMES, List.of(bad)))
          .as(bad)
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining(RepositoryPolicy.DENIED_NETWORKS_SETTING);
    }
  }
}
