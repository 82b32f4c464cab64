package io.flops.aggregator.tracking;

import io.flops.tracking.ExperimentTracker;
import java.util.Optional;

/** Opens the project's experiment tracker; empty when tracking is switched off. */
@FunctionalInterface
public interface TrackerProvider {

  Optional<ExperimentTracker> open();
}
