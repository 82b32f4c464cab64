package io.flops.common.sla;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** A platform the learner and aggregator images are built for. */
public enum Platform implements JsonEnum.Named {
  LINUX_AMD64("linux/amd64"),
  LINUX_ARM64("linux/arm64");

  private final String jsonName;

  Platform(String jsonName) {
    this.jsonName = jsonName;
  }

  @JsonValue
  @Override
  public String jsonName() {
    return jsonName;
  }

  @JsonCreator
  public static Platform of(String value) {
    return JsonEnum.parse(Platform.class, "platform", value);
  }
}
