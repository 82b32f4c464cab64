package io.flops.common.sla;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** Classic FL (one aggregator) or hierarchical FL (a root plus one aggregator per cluster). */
public enum Mode implements JsonEnum.Named {
  CLASSIC("classic"),
  HIERARCHICAL("hierarchical");

  private final String jsonName;

  Mode(String jsonName) {
    this.jsonName = jsonName;
  }

  @JsonValue
  @Override
  public String jsonName() {
    return jsonName;
  }

  @JsonCreator
  public static Mode of(String value) {
    return JsonEnum.parse(Mode.class, "mode", value);
  }
}
