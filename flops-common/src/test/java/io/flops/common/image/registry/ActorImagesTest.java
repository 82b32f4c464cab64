package io.flops.common.image.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ActorImagesTest {

  @Test
  void namesBothImagesAfterOwnerRepoAndCommit() {
    ActorImages images =
        ActorImages.of(
            "10.0.0.5:5073", "https://github.com/Malyuk-A/flops_ml_repo_mnist.git", "abc123");
    assertThat(images.learner())
        .isEqualTo("10.0.0.5:5073/malyuk-a/flops_ml_repo_mnist/learner:abc123");
    assertThat(images.aggregator())
        .isEqualTo("10.0.0.5:5073/malyuk-a/flops_ml_repo_mnist/aggregator:abc123");
  }

  @Test
  void readsOwnerAndNameFromEveryUrlKind() {
    assertThat(ActorImages.path("git@github.com:Owner/Repo.git")).isEqualTo("owner/repo");
    assertThat(ActorImages.path("ssh://git@host:2222/team/ml-repo")).isEqualTo("team/ml-repo");
    assertThat(ActorImages.path("git://127.0.0.1/base/mnist.git/")).isEqualTo("base/mnist");
    assertThat(ActorImages.path("file:///tmp/junit-1/owner/dl4j-mini/"))
        .isEqualTo("owner/dl4j-mini");
  }

  @Test
  void leavesOutTheRegistryForTheLocalStore() {
    assertThat(ActorImages.of("", "https://h/o/r", "c1").learner()).isEqualTo("o/r/learner:c1");
  }

  @Test
  void rejectsAUrlWithoutPath() {
    assertThatThrownBy(() -> ActorImages.path("nothing")).hasMessageContaining("'nothing'");
  }

  @Test
  void parsesPlatforms() {
    assertThat(Platform.parse("linux/arm64/v8")).isEqualTo(Platform.LINUX_ARM64);
    assertThat(Platform.parse(" LINUX/AMD64 ")).isEqualTo(Platform.LINUX_AMD64);
    assertThatThrownBy(() -> Platform.parse("amd64")).hasMessageContaining("os/architecture");
  }
}
