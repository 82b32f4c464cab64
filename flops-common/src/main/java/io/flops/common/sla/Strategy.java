package io.flops.common.sla;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** How the aggregator combines the learners' updates. */
public enum Strategy implements JsonEnum.Named {
  /** Federated averaging weighted by example counts (the original's only strategy). */
  FEDAVG("fedavg"),
  /** Server-side Adam. */
  FEDADAM("fedadam"),
  /** Server-side Yogi. */
  FEDYOGI("fedyogi"),
  /** Server-side Adagrad. */
  FEDADAGRAD("fedadagrad"),
  /** Coordinate-wise median. */
  FEDMEDIAN("fedmedian"),
  /** Coordinate-wise trimmed mean. */
  FEDTRIMMEDAVG("fedtrimmedavg"),
  /** Krum: the update closest to its neighbours. */
  KRUM("krum");

  private final String jsonName;

  Strategy(String jsonName) {
    this.jsonName = jsonName;
  }

  @JsonValue
  @Override
  public String jsonName() {
    return jsonName;
  }

  @JsonCreator
  public static Strategy of(String value) {
    return JsonEnum.parse(Strategy.class, "strategy", value);
  }
}
