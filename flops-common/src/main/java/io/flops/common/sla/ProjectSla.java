package io.flops.common.sla;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.ArrayList;
import java.util.List;

/**
 * A project SLA, as a user POSTs it: every field of the original FLOps project SLA with its JSON
 * name and default, plus the repository branch and credential reference. Validate it with {@link
 * SlaValidator} before anything is created.
 *
 * @param customerId {@code customerID} (also {@code customer_id}), default {@code Admin}
 * @param verbose more detail on the observer stream, default false
 * @param useDevelBaseImages accepted for compatibility with the original; only with platform
 *     linux/amd64
 * @param supportedPlatforms platforms to build images for, default [linux/amd64]
 * @param mlModelFlavor the ML framework of the repository; required
 * @param mlRepoUrl the Git repository of the user's ML code; required
 * @param mlRepoBranch branch, tag or commit to build (default: the remote's HEAD)
 * @param mlRepoCredential name of a credential configured on the manager for a private repository
 * @param trainingConfiguration how training runs
 * @param resourceConstraints limits per learner and aggregator instance
 * @param postTrainingSteps what happens after training, default none
 */
@CrossFieldRules
public record ProjectSla(
    @JsonProperty("customerID")
        @JsonAlias("customer_id")
        @Pattern(
            regexp = "[A-Za-z0-9][A-Za-z0-9_.-]{0,63}",
            message = "must be 1-64 letters, digits, '_', '.' or '-'")
        String customerId,
    @JsonProperty("verbose") Boolean verbose,
    @JsonProperty("use_devel_base_images") Boolean useDevelBaseImages,
    @JsonProperty("supported_platforms") @NotEmpty @Size(max = 2)
        List<@NotNull Platform> supportedPlatforms,
    @JsonProperty("ml_model_flavor") @NotNull ModelFlavor mlModelFlavor,
    @JsonProperty("ml_repo_url") @NotNull @Size(max = 2048) @RepositoryUrl String mlRepoUrl,
    @JsonProperty("ml_repo_branch")
        @Pattern(
            regexp = "[^\\s~^:?*\\[\\\\]{1,255}",
            message = "must be a Git branch, tag or commit")
        String mlRepoBranch,
    @JsonProperty("ml_repo_credential")
        @Pattern(
            regexp = "[A-Za-z0-9_.-]{1,64}",
            message = "must name a credential configured on the manager")
        String mlRepoCredential,
    @JsonProperty("training_configuration") @Valid TrainingConfiguration trainingConfiguration,
    @JsonProperty("resource_constraints") @Valid ResourceConstraints resourceConstraints,
    @JsonProperty("post_training_steps") @Size(max = 2)
        List<@NotNull PostTrainingStep> postTrainingSteps)
    implements CrossFieldRules.Checked {

  /** The original's default customer. */
  public static final String DEFAULT_CUSTOMER = "Admin";

  public ProjectSla {
    customerId = customerId == null ? DEFAULT_CUSTOMER : customerId;
    verbose = verbose != null && verbose;
    useDevelBaseImages = useDevelBaseImages != null && useDevelBaseImages;
    supportedPlatforms =
        supportedPlatforms == null
            ? List.of(Platform.LINUX_AMD64)
            : JsonEnum.copy(supportedPlatforms);
    trainingConfiguration =
        trainingConfiguration == null ? TrainingConfiguration.defaults() : trainingConfiguration;
    resourceConstraints =
        resourceConstraints == null ? ResourceConstraints.DEFAULTS : resourceConstraints;
    postTrainingSteps = postTrainingSteps == null ? List.of() : JsonEnum.copy(postTrainingSteps);
  }

  /** True when the SLA asks for {@code step}. */
  public boolean wants(PostTrainingStep step) {
    return postTrainingSteps.contains(step);
  }

  /** A copy with another customer (the query string's {@code customerID} overrides the body's). */
  public ProjectSla withCustomerId(String customer) {
    return new ProjectSla(
        customer,
        verbose,
        useDevelBaseImages,
        supportedPlatforms,
        mlModelFlavor,
        mlRepoUrl,
        mlRepoBranch,
        mlRepoCredential,
        trainingConfiguration,
        resourceConstraints,
        postTrainingSteps);
  }

  @Override
  public List<CrossFieldRules.Broken> brokenRules() {
    List<CrossFieldRules.Broken> broken = new ArrayList<>();
    if (mlModelFlavor != null && !mlModelFlavor.isSupported()) {
      broken.add(
          new CrossFieldRules.Broken(
              "mlModelFlavor",
              "'"
                  + mlModelFlavor.jsonName()
                  + "' is not supported by this runtime, supported: "
                  + ModelFlavor.supportedNames()));
    }
    if (wants(PostTrainingStep.DEPLOY_TRAINED_MODEL_IMAGE)
        && !wants(PostTrainingStep.BUILD_IMAGE_FOR_TRAINED_MODEL)) {
      broken.add(
          new CrossFieldRules.Broken(
              "postTrainingSteps",
              "deploy_trained_model_image needs build_image_for_trained_model as well"));
    }
    if (useDevelBaseImages && !supportedPlatforms.equals(List.of(Platform.LINUX_AMD64))) {
      broken.add(
          new CrossFieldRules.Broken(
              "useDevelBaseImages", "development base images can only be used for linux/amd64"));
    }
    if (supportedPlatforms.stream().distinct().count() < supportedPlatforms.size()) {
      broken.add(new CrossFieldRules.Broken("supportedPlatforms", "must not repeat a platform"));
    }
    if (postTrainingSteps.stream().distinct().count() < postTrainingSteps.size()) {
      broken.add(new CrossFieldRules.Broken("postTrainingSteps", "must not repeat a step"));
    }
    return broken;
  }
}
