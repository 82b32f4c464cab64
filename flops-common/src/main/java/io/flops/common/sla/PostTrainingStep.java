package io.flops.common.sla;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** What happens after training. */
public enum PostTrainingStep implements JsonEnum.Named {
  /** Build an inference-server image of the best model. */
  BUILD_IMAGE_FOR_TRAINED_MODEL("build_image_for_trained_model"),
  /** Deploy that image (needs {@link #BUILD_IMAGE_FOR_TRAINED_MODEL}). */
  DEPLOY_TRAINED_MODEL_IMAGE("deploy_trained_model_image");

  private final String jsonName;

  PostTrainingStep(String jsonName) {
    this.jsonName = jsonName;
  }

  @JsonValue
  @Override
  public String jsonName() {
    return jsonName;
  }

  @JsonCreator
  public static PostTrainingStep of(String value) {
    return JsonEnum.parse(PostTrainingStep.class, "post training step", value);
  }
}
