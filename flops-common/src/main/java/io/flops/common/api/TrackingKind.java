package io.flops.common.api;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;

/** What kind of place a customer's experiments are tracked in. */
public enum TrackingKind {
  /** An MLflow tracking server, shown by its URL. */
  SERVER("server"),
  /** An MLflow file store, a directory opened with {@code mlflow ui}. */
  FILE_STORE("file-store"),
  /** Tracking is switched off. */
  NONE("none");

  private final String jsonName;

  TrackingKind(String jsonName) {
    this.jsonName = jsonName;
  }

  /** The kind's name in the API, e.g. {@code file-store}. */
  @JsonValue
  public String jsonName() {
    return jsonName;
  }

  /** The kind named {@code jsonName} in the API. */
  @JsonCreator
  public static TrackingKind of(String jsonName) {
    return Arrays.stream(values())
        .filter(kind -> kind.jsonName.equals(jsonName))
        .findFirst()
        .orElseThrow(
            () -> new IllegalArgumentException("unknown tracking kind '" + jsonName + "'"));
  }
}
