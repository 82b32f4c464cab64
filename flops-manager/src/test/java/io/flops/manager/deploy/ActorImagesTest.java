package io.flops.manager.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ActorImagesTest {

  @Test
  void actorImagesAreNamedAfterTheRepositoryAndCommit() {
    String url = "https://github.com/Malyuk-A/flops_ml_repo_MNIST.git";

    assertThat(ActorImages.learner("127.0.0.1:5073", url, "abc123"))
        .isEqualTo("127.0.0.1:5073/malyuk-a/flops_ml_repo_mnist/learner:abc123");
    assertThat(ActorImages.aggregator("", url, "abc123"))
        .isEqualTo("malyuk-a/flops_ml_repo_mnist/aggregator:abc123");
  }

  @Test
  void sshAndFileUrlsAndSingleSegmentPathsWork() {
    assertThat(ActorImages.learner("r:5000", "ssh://git@example.org/team/repo.git", "c"))
        .isEqualTo("r:5000/team/repo/learner:c");
    assertThat(ActorImages.learner("", "file:///srv/git/models/", "c"))
        .isEqualTo("git/models/learner:c");
    assertThat(ActorImages.learner("", "git://example.org/solo.git", "c"))
        .isEqualTo("local/solo/learner:c");
  }

  @Test
  void theTrainedModelIsNamedAfterTheCustomerAndRun() {
    assertThat(ActorImages.trainedModel("reg:5073", "Acme", "run-7"))
        .isEqualTo("reg:5073/acme/trained_model:run-7");
  }
}
