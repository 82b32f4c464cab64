package io.flops.common.sla;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.List;
import java.util.Locale;

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
  /** Coordinate-wise trimmed mean (also called {@code trimmedmean}). */
  FEDTRIMMEDAVG("fedtrimmedavg", "trimmedmean"),
  /** Krum: the update closest to its neighbours. */
  KRUM("krum");

  private final String jsonName;
  private final List<String> aliases;

  Strategy(String jsonName, String... aliases) {
    this.jsonName = jsonName;
    this.aliases = List.of(aliases);
  }

  @JsonValue
  @Override
  public String jsonName() {
    return jsonName;
  }

  /** The SLA's strict reading: exactly one of {@link #names()}. */
  @JsonCreator
  public static Strategy of(String value) {
    return JsonEnum.parse(Strategy.class, "strategy", value);
  }

  /**
   * The lenient reading of a hand-written setting ({@code FLOPS_AGGREGATOR_STRATEGY}): any case,
   * {@code -} and {@code _} ignored, aliases accepted.
   *
   * @throws IllegalArgumentException naming the accepted names
   */
  public static Strategy parse(String text) {
    String key = text.trim().toLowerCase(Locale.ROOT).replace("-", "").replace("_", "");
    for (Strategy strategy : values()) {
      if (strategy.jsonName.equals(key) || strategy.aliases.contains(key)) {
        return strategy;
      }
    }
    throw new IllegalArgumentException(
        "Unknown aggregation strategy '" + text + "'; use one of " + names());
  }

  /** The SLA names of all strategies. */
  public static List<String> names() {
    return JsonEnum.names(Strategy.class);
  }
}
