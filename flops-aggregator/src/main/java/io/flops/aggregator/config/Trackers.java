package io.flops.aggregator.config;

import io.flops.aggregator.tracking.TrackerProvider;
import io.flops.common.launch.TrackingLaunch;
import io.flops.tracking.ExperimentTracker;
import io.flops.tracking.TrackerFactory;
import java.util.Optional;

/**
 * Opens the tracker named by {@code FLOPS_TRACKING_URI}: an MLflow server for {@code http(s)://},
 * an MLflow file store for {@code file:/...}, none when empty.
 */
final class Trackers implements TrackerProvider {

  private final TrackingLaunch tracking;

  Trackers(TrackingLaunch tracking) {
    this.tracking = tracking;
  }

  @Override
  public Optional<ExperimentTracker> open() {
    return TrackerFactory.open(tracking);
  }
}
