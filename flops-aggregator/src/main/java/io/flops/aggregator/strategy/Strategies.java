package io.flops.aggregator.strategy;

import java.util.List;
import java.util.Locale;

/** Creates a strategy by its SLA name: {@link #NAMES}. */
public final class Strategies {

  /** Every strategy name accepted (case-insensitive; {@code -} and {@code _} are ignored). */
  public static final List<String> NAMES =
      List.of("fedavg", "fedadam", "fedyogi", "fedadagrad", "fedmedian", "trimmedmean", "krum");

  private Strategies() {}

  /**
   * A fresh strategy named {@code name}.
   *
   * @throws IllegalArgumentException naming the accepted names for an unknown one
   */
  public static Strategy create(String name, StrategySettings settings) {
    String key = name.toLowerCase(Locale.ROOT).replace("-", "").replace("_", "");
    return switch (key) {
      case "fedavg" -> new FedAvg();
      case "fedadam" -> new FedAdam(settings.optimizer());
      case "fedyogi" -> new FedYogi(settings.optimizer());
      case "fedadagrad" -> new FedAdagrad(settings.optimizer());
      case "fedmedian" -> new FedMedian();
      case "trimmedmean", "fedtrimmedavg" -> new TrimmedMean(settings.trimFraction());
      case "krum" -> new Krum(settings.byzantineLearners());
      default ->
          throw new IllegalArgumentException(
              "Unknown aggregation strategy '" + name + "'; use one of " + NAMES);
    };
  }

  /**
   * Settings of the strategies that have any.
   *
   * @param optimizer for FedAdam, FedYogi and FedAdagrad
   * @param trimFraction for the trimmed mean
   * @param byzantineLearners for Krum
   */
  public record StrategySettings(
      OptimizerSettings optimizer, double trimFraction, int byzantineLearners) {}
}
