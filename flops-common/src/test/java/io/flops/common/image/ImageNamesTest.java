package io.flops.common.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ImageNamesTest {

  /** The reference grammar of the distribution spec (distribution/reference, regexp.go). */
  private static final Pattern OCI_REFERENCE;

  static {
    String component = "[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*";
    String domainComponent = "(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])";
    String domain = domainComponent + "(?:\\." + domainComponent + ")*(?::[0-9]+)?";
    OCI_REFERENCE =
        Pattern.compile(
            "(?:"
                + domain
                + "/)?"
                + component
                + "(?:/"
                + component
                + ")*(?::[\\w][\\w.-]{0,127})?");
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          https://github.com/Malyuk-A/flops_ml_repo_mnist.git   | malyuk-a/flops_ml_repo_mnist
          https://github.com/Malyuk-A/flops_ml_repo_MNIST.git   | malyuk-a/flops_ml_repo_mnist
          https://github.com/owner/repo                         | owner/repo
          https://github.com/owner/repo.git/                    | owner/repo
          https://github.com/owner/repo//                       | owner/repo
          https://host/repo.git                                 | repo
          https://host/group/repo.git                           | group/repo
          https://host:8443/group/repo.git                      | group/repo
          https://gitlab.com/Group/Sub/repo.git                 | group/sub/repo
          https://user:token@git.example.org/a/b/c/d.GIT        | a/b/c/d
          http://10.0.0.5:3000/team/ml.repo.git?ref=x#frag      | team/ml.repo
          https://dev.azure.com/org/project/_git/repo           | org/project/git/repo
          https://gitea.example/my.org/Repo.git                 | my-org/repo
          https://host/localhost/repo                           | local-host/repo
          https://host/Ada%20Lovelace/--Repo--                  | ada-lovelace/repo
          https://host/a..b/c__d/e___f/g.-h                     | a-b/c__d/e-f/g-h
          HTTPS://HOST/Owner/Repo                               | owner/repo
          ssh://git@example.org/team/repo.git                   | team/repo
          ssh://git@host:2222/team/ml-repo                      | team/ml-repo
          ssh://git@host/~alice/repo.git                        | alice/repo
          git://127.0.0.1/base/mnist.git/                       | base/mnist
          git://example.org/solo.git                            | solo
          git@github.com:Owner/Repo.git                         | owner/repo
          git@gitlab.com:group/sub/repo.git                     | group/sub/repo
          host.example:team/repo                                | team/repo
          file:///srv/git/models/                               | git/models
          file:///tmp/junit-1/owner/dl4j-mini/                  | owner/dl4j-mini
          file:/tmp/junit-1/Owner/Repo.git                      | owner/repo
          file:///srv/solo.git                                  | srv/solo
          file:///home/u/Project/.git                           | project
          /srv/git/Models.git                                   | git/models
          """)
  void namesImagesAfterTheRepository(String repoUrl, String repository) {
    assertThat(ImageNames.repository(repoUrl)).isEqualTo(repository);
    String commit = "3fa2c1d0e9b8a7f6e5d4c3b2a1f0e9d8c7b6a5f4";
    assertThat(ImageNames.learner("", repoUrl, commit))
        .isEqualTo(repository + "/learner:" + commit);
    assertThat(ImageNames.aggregator("reg.example:5000", repoUrl, commit))
        .isEqualTo("reg.example:5000/" + repository + "/aggregator:" + commit);
    for (String registry : new String[] {"", "reg.example:5000", "10.0.0.5:5073", "localhost"}) {
      String learner = ImageNames.learner(registry, repoUrl, commit);
      assertThat(learner).matches(OCI_REFERENCE);
      assertThat(ImageName.parse(learner).registry())
          .as("the registry %s reads back from %s", registry, learner)
          .isEqualTo(registry);
      assertThat(ImageName.parse(learner).repository()).isEqualTo(repository + "/learner");
    }
  }

  @Test
  void theGrammarCheckRejectsWhatARegistryWouldRefuse() {
    assertThat("reg:5000/o/r/learner:c1").matches(OCI_REFERENCE);
    assertThat("o/Repo/learner:c1").doesNotMatch(OCI_REFERENCE);
    assertThat("a..b/learner:c1").doesNotMatch(OCI_REFERENCE);
    assertThat("-a/learner:c1").doesNotMatch(OCI_REFERENCE);
    assertThat("a/learner/:c1").doesNotMatch(OCI_REFERENCE);
  }

  @Test
  void prefixesTheRegistryUnlessItIsTheLocalStore() {
    String url = "https://github.com/Malyuk-A/flops_ml_repo_MNIST.git";
    assertThat(ImageNames.learner("127.0.0.1:5073", url, "abc123"))
        .isEqualTo("127.0.0.1:5073/malyuk-a/flops_ml_repo_mnist/learner:abc123");
    assertThat(ImageNames.aggregator("", url, "abc123"))
        .isEqualTo("malyuk-a/flops_ml_repo_mnist/aggregator:abc123");
    assertThat(ImageNames.aggregator(null, url, "abc123"))
        .isEqualTo("malyuk-a/flops_ml_repo_mnist/aggregator:abc123");
    assertThat(ImageNames.learner("r:5000", "ssh://git@example.org/team/repo.git", "c"))
        .isEqualTo("r:5000/team/repo/learner:c");
    assertThat(ImageNames.learner("", "file:///srv/git/models/", "c"))
        .isEqualTo("git/models/learner:c");
    assertThat(ImageNames.learner("", "git://example.org/solo.git", "c"))
        .isEqualTo("solo/learner:c");
  }

  @ParameterizedTest(name = "{0} {1} {2} -> {3}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          reg:5073 | Acme             | run-7    | reg:5073/acme/trained_model:run-7
          ''       | Admin            | 592a2f6e | admin/trained_model:592a2f6e
          ''       | Ada Lovelace@Lab | f80d49e3 | ada-lovelace-lab/trained_model:f80d49e3
          ''       | acme.org         | r1       | acme-org/trained_model:r1
          ''       | localhost        | r1       | local-host/trained_model:r1
          """)
  void namesTheTrainedModelAfterTheCustomerAndRun(
      String registry, String customer, String runId, String image) {
    assertThat(ImageNames.trainedModel(registry, customer, runId)).isEqualTo(image);
    assertThat(image).matches(OCI_REFERENCE);
    assertThat(ImageName.parse(image).registry()).isEqualTo(registry);
  }

  @Test
  void rejectsWhatCannotNameAnImage() {
    assertThatThrownBy(() -> ImageNames.repository("nothing"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'nothing'");
    assertThatThrownBy(() -> ImageNames.repository("https://host/"))
        .hasMessageContaining("'https://host/'");
    assertThatThrownBy(() -> ImageNames.repository("https://host/--/.git"))
        .hasMessageContaining("no name an image can use");
    assertThatThrownBy(() -> ImageNames.learner("", "https://h/o/r", ""))
        .hasMessageContaining("cannot be an image tag");
    assertThatThrownBy(() -> ImageNames.trainedModel("", "acme", "bad tag!"))
        .hasMessageContaining("'bad tag!' cannot be an image tag");
    assertThatThrownBy(() -> ImageNames.trainedModel("", "@@", "r1"))
        .hasMessageContaining("customer id '@@'");
  }

  @Test
  void tellsActorImagesApart() {
    String learner = ImageNames.learner("reg:5000", "https://h/group/learner.git", "c1");
    String aggregator = ImageNames.aggregator("", "https://h/o/r", "c1");

    assertThat(ImageNames.isLearner(learner)).isTrue();
    assertThat(ImageNames.isAggregator(learner)).isFalse();
    assertThat(ImageNames.isAggregator(aggregator)).isTrue();
    assertThat(ImageNames.isLearner(ImageNames.trainedModel("", "learner", "r1"))).isFalse();
    assertThat(ImageNames.isLearner("reg:5000/o/r/learner@sha256:0a1b")).isTrue();
    assertThat(ImageNames.isLearner("")).isFalse();
    assertThat(ImageNames.isLearner("reg:5000/o/learner-x/aggregator:learner")).isFalse();
  }
}
