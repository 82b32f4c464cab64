package io.flops.aggregator.config;

import io.flops.aggregator.tracking.TrackerProvider;
import io.flops.tracking.ExperimentTracker;
import java.util.Optional;

/**
 * Opens the tracker named by {@code FLOPS_TRACKING_URI}: none when it is empty. The MLflow-server
 * and file-store adapters of flops-tracking are plugged in here.
 */
final class Trackers implements TrackerProvider {

  private final TrackingProperties tracking;

  Trackers(TrackingProperties tracking) {
    this.tracking = tracking;
  }

  @Override
  public Optional<ExperimentTracker> open() {
    if (tracking.uri().isBlank()) {
      return Optional.empty();
    }
    throw new IllegalStateException(
        "Tracking to " + tracking.uri() + " needs the flops-tracking adapters in this build");
  }
}
