package io.flops.aggregator.strategy;

/**
 * The implementation of each strategy of the SLA's vocabulary ({@link
 * io.flops.common.sla.Strategy}).
 */
public final class Strategies {

  private Strategies() {}

  /** A fresh implementation of {@code strategy}, configured by {@code settings}. */
  public static Strategy create(io.flops.common.sla.Strategy strategy, StrategySettings settings) {
    return switch (strategy) {
      case FEDAVG -> new FedAvg();
      case FEDADAM -> new FedAdam(settings.optimizer());
      case FEDYOGI -> new FedYogi(settings.optimizer());
      case FEDADAGRAD -> new FedAdagrad(settings.optimizer());
      case FEDMEDIAN -> new FedMedian(settings.robustMemoryLimit());
      case FEDTRIMMEDAVG -> new TrimmedMean(settings.trimFraction(), settings.robustMemoryLimit());
      case KRUM -> new Krum(settings.byzantineLearners(), settings.robustMemoryLimit());
    };
  }

  /**
   * Settings of the strategies that have any.
   *
   * @param optimizer for FedAdam, FedYogi and FedAdagrad
   * @param trimFraction for the trimmed mean
   * @param byzantineLearners for Krum
   * @param robustMemoryLimit for median, trimmed mean and Krum: the most bytes of updates one round
   *     may hold (they keep every update; see {@link HeldUpdates})
   */
  public record StrategySettings(
      OptimizerSettings optimizer,
      double trimFraction,
      int byzantineLearners,
      long robustMemoryLimit) {

    /** Settings with the default memory bound of the robust strategies (a quarter of the heap). */
    public StrategySettings(
        OptimizerSettings optimizer, double trimFraction, int byzantineLearners) {
      this(optimizer, trimFraction, byzantineLearners, HeldUpdates.DEFAULT_MEMORY_LIMIT);
    }
  }
}
