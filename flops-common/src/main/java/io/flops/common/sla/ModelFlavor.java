package io.flops.common.sla;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.List;

/**
 * The ML framework of the user's repository. This runtime trains JVM flavors; the original's Python
 * flavors are recognised so that a request for them is refused with a clear message.
 */
public enum ModelFlavor implements JsonEnum.Named {
  DL4J("dl4j", true),
  SKLEARN("sklearn", false),
  PYTORCH("pytorch", false),
  TENSORFLOW("tensorflow", false),
  KERAS("keras", false);

  private final String jsonName;
  private final boolean supported;

  ModelFlavor(String jsonName, boolean supported) {
    this.jsonName = jsonName;
    this.supported = supported;
  }

  @JsonValue
  @Override
  public String jsonName() {
    return jsonName;
  }

  /** True when this runtime can train models of this flavor. */
  public boolean isSupported() {
    return supported;
  }

  /** The JSON names of the flavors this runtime trains. */
  public static List<String> supportedNames() {
    return Arrays.stream(values()).filter(ModelFlavor::isSupported).map(f -> f.jsonName).toList();
  }

  @JsonCreator
  public static ModelFlavor of(String value) {
    for (ModelFlavor flavor : values()) {
      if (flavor.jsonName.equals(value)) {
        return flavor;
      }
    }
    throw new IllegalArgumentException(
        "unknown ml_model_flavor '" + value + "', supported: " + supportedNames());
  }
}
