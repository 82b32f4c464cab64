package io.flops.common.sla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.flops.common.error.ErrorKind;
import io.flops.common.error.FieldError;
import io.flops.common.error.FlopsException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ProjectSlaTest {

  private static final String MINIMAL =
      """
      {"ml_model_flavor":"dl4j","ml_repo_url":"https://example.org/owner/repo.git",
       "training_configuration":{"data_tags":["mnist"]}}""";

  private final SlaValidator validator = new SlaValidator();

  private static ProjectSla read(String json) {
    return SlaJson.readProject(json.getBytes(StandardCharsets.UTF_8));
  }

  private List<FieldError> errorsOf(String json) {
    return validator.check(read(json));
  }

  /** The minimal SLA with the training configuration replaced. */
  private static String withTraining(String trainingJson) {
    return """
        {"ml_model_flavor":"dl4j","ml_repo_url":"https://example.org/o/r.git",
         "training_configuration":%s}"""
        .formatted(trainingJson);
  }

  @Test
  void aMinimalSlaGetsTheOriginalDefaultsAndOurAdditions() {
    ProjectSla sla = read(MINIMAL);

    assertThat(validator.check(sla)).isEmpty();
    assertThat(sla.customerId()).isEqualTo("Admin");
    assertThat(sla.verbose()).isFalse();
    assertThat(sla.supportedPlatforms()).containsExactly(Platform.LINUX_AMD64);
    assertThat(sla.postTrainingSteps()).isEmpty();
    TrainingConfiguration training = sla.trainingConfiguration();
    assertThat(training.mode()).isEqualTo(Mode.CLASSIC);
    assertThat(training.trainingCycles()).isEqualTo(1);
    assertThat(training.trainingRounds()).isEqualTo(3);
    assertThat(training.minAvailableClients()).isEqualTo(1);
    assertThat(training.minFitClients()).isEqualTo(1);
    assertThat(training.minEvaluateClients()).isEqualTo(1);
    assertThat(training.strategy()).isEqualTo(Strategy.FEDAVG);
    assertThat(training.roundTimeout()).isEqualTo(Duration.ofMinutes(10));
    assertThat(training.localEpochs()).isEqualTo(1);
    assertThat(sla.resourceConstraints())
        .as("1024 MiB, not the original's 100 (too small for a JVM learner, docs/sla.md)")
        .isEqualTo(new ResourceConstraints(1024, 1, 0));
  }

  @Test
  void customerIdIsReadFromBothSpellingsAndWrittenAsTheOriginal() {
    assertThat(read(MINIMAL.replace("{\"ml", "{\"customerID\":\"acme\",\"ml")).customerId())
        .isEqualTo("acme");
    ProjectSla snake = read(MINIMAL.replace("{\"ml", "{\"customer_id\":\"acme\",\"ml"));
    assertThat(snake.customerId()).isEqualTo("acme");
    assertThat(SlaJson.write(snake)).contains("\"customerID\":\"acme\"");
  }

  @Test
  void aFullSlaSurvivesWritingAndReading() {
    String full =
        """
        {"customerID":"acme","verbose":true,"supported_platforms":["linux/amd64","linux/arm64"],
         "ml_model_flavor":"dl4j","ml_repo_url":"ssh://git@example.org/o/r.git",
         "ml_repo_branch":"release/1.0","ml_repo_credential":"github-bot",
         "training_configuration":{"mode":"hierarchical","data_tags":["mnist","extra"],
           "training_cycles":2,"training_rounds":5,"min_available_clients":4,"min_fit_clients":3,
           "min_evaluate_clients":2,"strategy":"fedadam","round_timeout":"90s","local_epochs":2},
         "resource_constraints":{"memory":512,"vcpus":2,"storage":100},
         "post_training_steps":["build_image_for_trained_model","deploy_trained_model_image"]}""";

    ProjectSla sla = read(full);

    assertThat(validator.check(sla)).isEmpty();
    assertThat(sla.trainingConfiguration().roundTimeout()).isEqualTo(Duration.ofSeconds(90));
    assertThat(read(SlaJson.write(sla))).isEqualTo(sla);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          rounds zero            | {"data_tags":["m"],"training_rounds":0}                     | /training_configuration/training_rounds       | must be greater than or equal to 1
          rounds too many        | {"data_tags":["m"],"training_rounds":100001}                | /training_configuration/training_rounds       | less than or equal to 100000
          cycles zero            | {"data_tags":["m"],"training_cycles":0}                     | /training_configuration/training_cycles       | greater than or equal to 1
          learners too many      | {"data_tags":["m"],"min_available_clients":10001}           | /training_configuration/min_available_clients | less than or equal to 10000
          fit above available    | {"data_tags":["m"],"min_available_clients":2,"min_fit_clients":3}      | /training_configuration/min_fit_clients      | must not exceed min_available_clients (2)
          evaluate above avail.  | {"data_tags":["m"],"min_available_clients":2,"min_evaluate_clients":3} | /training_configuration/min_evaluate_clients | must not exceed min_available_clients (2)
          no tags                | {"data_tags":[]}                                            | /training_configuration/data_tags             | must name at least one data tag
          tags missing           | {}                                                          | /training_configuration/data_tags             | must name at least one data tag
          bad tag                | {"data_tags":["mn.ist"]}                                    | /training_configuration/data_tags/0           | letters, digits
          null tag               | {"data_tags":[null]}                                        | /training_configuration/data_tags/0           | must not be null
          null after a tag       | {"data_tags":["m",null]}                                    | /training_configuration/data_tags/1           | must not be null
          zero timeout           | {"data_tags":["m"],"round_timeout":"0s"}                    | /training_configuration/round_timeout         | must be positive
          zero local epochs      | {"data_tags":["m"],"local_epochs":0}                        | /training_configuration/local_epochs          | greater than or equal to 1
          """)
  void eachTrainingRuleRefusesItsBadValue(
      String rule, String training, String pointer, String message) {
    assertThat(errorsOf(withTraining(training)))
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.pointer()).isEqualTo(pointer);
              assertThat(e.message()).contains(message);
            });
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          platforms | "supported_platforms":[null],            | /supported_platforms/0
          steps     | "post_training_steps":[null],            | /post_training_steps/0
          second    | "supported_platforms":["linux/amd64",null], | /supported_platforms/1
          """)
  void nullEntriesInTopLevelListsAreRefused(String list, String field, String pointer) {
    assertThat(errorsOf(MINIMAL.replace("{\"ml", "{" + field + "\"ml")))
        .singleElement()
        .isEqualTo(new FieldError(pointer, "must not be null"));
  }

  @Test
  void everyListInAnSlaRefusesNullEntries() {
    assertThat(SlaLists.componentsWithNullableEntries(ProjectSla.class)).isEmpty();
    assertThat(SlaLists.componentsWithNullableEntries(MockDataSla.class)).isEmpty();
    assertThat(SlaLists.listComponents(ProjectSla.class))
        .contains("ProjectSla.supportedPlatforms", "TrainingConfiguration.dataTags");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          fit equals available   | {"data_tags":["m"],"min_available_clients":3,"min_fit_clients":3,"min_evaluate_clients":3}
          upper bounds           | {"data_tags":["m"],"training_rounds":100000,"training_cycles":100000,"min_available_clients":10000}
          iso timeout            | {"data_tags":["m"],"round_timeout":"PT5M"}
          hierarchical           | {"data_tags":["m"],"mode":"hierarchical","training_cycles":3}
          """)
  void validTrainingConfigurationsPass(String rule, String training) {
    assertThat(errorsOf(withTraining(training))).isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          https     | https://github.com/o/r.git
          http      | http://127.0.0.1:8080/o/r.git
          ssh       | ssh://git@example.org/o/r.git
          git       | git://example.org/o/r.git
          file      | file:///srv/git/r.git
          """)
  void supportedRepositorySchemesPass(String scheme, String url) {
    assertThat(errorsOf(MINIMAL.replace("https://example.org/owner/repo.git", url))).isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          ftp scheme    | ftp://example.org/o/r.git
          no scheme     | github.com/o/r
          no path       | https://example.org
          not a url     | https://exa mple.org/o/r
          """)
  void unsupportedRepositoryUrlsAreRefused(String what, String url) {
    assertThat(errorsOf(MINIMAL.replace("https://example.org/owner/repo.git", url)))
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.pointer()).isEqualTo("/ml_repo_url");
              assertThat(e.message()).contains("https, http, ssh, git or file");
            });
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          user and password   | https://alice:s3cret@example.org/o/r.git
          token as user       | https://ghp_token123@github.com/o/r.git
          ssh password        | ssh://git:s3cret@example.org/o/r.git
          """)
  void credentialsInTheRepositoryUrlAreRefusedPointingToTheCredentialField(
      String what, String url) {
    assertThat(errorsOf(MINIMAL.replace("https://example.org/owner/repo.git", url)))
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.pointer()).isEqualTo("/ml_repo_url");
              assertThat(e.message())
                  .contains("must not carry credentials")
                  .contains("ml_repo_credential");
              assertThat(e.message()).doesNotContain("s3cret").doesNotContain("ghp_token123");
            });
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          bell in the customer    | "customerID":"acme\\u0007",                | /customerID
          newline in the customer | "customerID":"acme\\nroot",                | /customerID
          right-to-left override  | "customerID":"ac\\u202Eme",                | /customerID
          isolate in a tag        | "training_configuration":{"data_tags":["m\\u2066x"]}, | /training_configuration/data_tags/0
          """)
  void controlAndBidirectionalCharactersAreRefusedInEveryString(
      String what, String field, String pointer) {
    String json =
        """
        {"ml_model_flavor":"dl4j","ml_repo_url":"https://example.org/o/r.git",%s
         "verbose":false}"""
            .formatted(field);
    assertThatThrownBy(() -> read(json))
        .isInstanceOfSatisfying(
            FlopsException.class,
            e -> {
              assertThat(e.fieldErrors()).extracting(FieldError::pointer).containsExactly(pointer);
              assertThat(e.fieldErrors().get(0).message())
                  .contains("control or bidirectional-text characters");
            });
  }

  @Test
  void pythonFlavorsAreRefusedNamingTheSupportedOnes() {
    for (String flavor : List.of("sklearn", "pytorch", "tensorflow", "keras")) {
      assertThat(errorsOf(MINIMAL.replace("dl4j", flavor)))
          .singleElement()
          .isEqualTo(
              new FieldError(
                  "/ml_model_flavor",
                  "'" + flavor + "' is not supported by this runtime, supported: [dl4j]"));
    }
  }

  @Test
  void requiredFieldsAreReportedTogether() {
    assertThat(errorsOf("{\"training_configuration\":{\"data_tags\":[\"m\"]}}"))
        .extracting(FieldError::pointer)
        .containsExactly("/ml_model_flavor", "/ml_repo_url");
  }

  @Test
  void deployingWithoutBuildingIsRefused() {
    String sla =
        MINIMAL.replace("{\"ml", "{\"post_training_steps\":[\"deploy_trained_model_image\"],\"ml");
    assertThat(errorsOf(sla))
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.pointer()).isEqualTo("/post_training_steps");
              assertThat(e.message()).contains("needs build_image_for_trained_model");
            });
  }

  @Test
  void develBaseImagesOnlyForAmd64() {
    String sla =
        MINIMAL.replace(
            "{\"ml",
            "{\"use_devel_base_images\":true,\"supported_platforms\":[\"linux/arm64\"],\"ml");
    assertThat(errorsOf(sla))
        .extracting(FieldError::pointer)
        .containsExactly("/use_devel_base_images");
    assertThat(errorsOf(MINIMAL.replace("{\"ml", "{\"use_devel_base_images\":true,\"ml")))
        .isEmpty();
  }

  @Test
  void negativeResourcesAndEmptyPlatformsAreRefused() {
    String sla =
        MINIMAL.replace(
            "{\"ml",
            "{\"resource_constraints\":{\"memory\":-1,\"vcpus\":-2},\"supported_platforms\":[],\"ml");
    assertThat(errorsOf(sla))
        .extracting(FieldError::pointer)
        .containsExactly(
            "/resource_constraints/memory", "/resource_constraints/vcpus", "/supported_platforms");
  }

  @Test
  void badCustomerBranchAndCredentialNamesAreRefused() {
    String sla =
        MINIMAL.replace(
            "{\"ml",
            "{\"customerID\":\"../x\",\"ml_repo_branch\":\"a b\",\"ml_repo_credential\":\"a/b\",\"ml");
    assertThat(errorsOf(sla))
        .extracting(FieldError::pointer)
        .containsExactly("/customerID", "/ml_repo_branch", "/ml_repo_credential");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          unknown top field    | {"ml_model_flavor":"dl4j","ml_repo_url":"https://e.org/o/r","trainig_configuration":{}}           | /trainig_configuration | 'trainig_configuration' is not a known field
          unknown nested field | {"ml_model_flavor":"dl4j","ml_repo_url":"https://e.org/o/r","training_configuration":{"training_round":5}} | /training_configuration/training_round | 'training_round' is not a known field
          unknown enum         | {"ml_model_flavor":"dl4j","ml_repo_url":"https://e.org/o/r","training_configuration":{"mode":"star"}} | /training_configuration/mode | unknown mode 'star', allowed: [classic, hierarchical]
          unknown flavor       | {"ml_model_flavor":"jax","ml_repo_url":"https://e.org/o/r"}                                          | /ml_model_flavor | unknown ml_model_flavor 'jax', supported: [dl4j]
          unknown platform     | {"ml_model_flavor":"dl4j","ml_repo_url":"https://e.org/o/r","supported_platforms":["linux/s390x"]}   | /supported_platforms/0 | allowed: [linux/amd64, linux/arm64]
          string for integer   | {"ml_model_flavor":"dl4j","ml_repo_url":"https://e.org/o/r","training_configuration":{"training_rounds":"3"}} | /training_configuration/training_rounds | must be an integer
          float for integer    | {"ml_model_flavor":"dl4j","ml_repo_url":"https://e.org/o/r","training_configuration":{"training_rounds":3.5}} | /training_configuration/training_rounds | must be an integer
          string for boolean   | {"ml_model_flavor":"dl4j","ml_repo_url":"https://e.org/o/r","verbose":"yes"}                          | /verbose | must be true or false
          number for string    | {"ml_model_flavor":"dl4j","ml_repo_url":42}                                                          | /ml_repo_url | must be a string
          string for array     | {"ml_model_flavor":"dl4j","ml_repo_url":"https://e.org/o/r","training_configuration":{"data_tags":"mnist"}} | /training_configuration/data_tags | must be an array
          bad duration         | {"ml_model_flavor":"dl4j","ml_repo_url":"https://e.org/o/r","training_configuration":{"round_timeout":"soon"}} | /training_configuration/round_timeout | 'soon' is not a duration
          """)
  void readingFailuresNameTheFieldAndWhatIsWrong(
      String what, String json, String pointer, String message) {
    assertThatThrownBy(() -> read(json))
        .isInstanceOfSatisfying(
            FlopsException.class,
            e -> {
              assertThat(e.kind()).isEqualTo(ErrorKind.INVALID_INPUT);
              assertThat(e.fieldErrors())
                  .singleElement()
                  .satisfies(
                      err -> {
                        assertThat(err.pointer()).isEqualTo(pointer);
                        assertThat(err.message()).contains(message);
                      });
            });
  }

  @Test
  void malformedJsonSaysWhere() {
    assertThatThrownBy(() -> read("{\"ml_model_flavor\": \"dl4j\",\n  \"ml_repo_url\": }"))
        .isInstanceOfSatisfying(
            FlopsException.class,
            e ->
                assertThat(e.fieldErrors())
                    .singleElement()
                    .satisfies(
                        err -> assertThat(err.message()).contains("malformed JSON at line 2")));
  }
}
