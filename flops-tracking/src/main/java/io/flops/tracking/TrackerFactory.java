package io.flops.tracking;

import io.flops.common.launch.TrackingLaunch;
import io.flops.tracking.filestore.FileStoreTracker;
import io.flops.tracking.server.MlflowServerSettings;
import io.flops.tracking.server.MlflowServerTracker;
import java.net.URI;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Picks the tracking adapter from the URI: {@code http(s)://...} tracks into an MLflow server,
 * {@code file:/...} or a plain path into an MLflow file store; an empty URI means no tracking. A
 * server without FLOps credentials gets those of MLflow's standard variables ({@code
 * MLFLOW_TRACKING_TOKEN}, {@code _USERNAME}, {@code _PASSWORD}), if set.
 */
public final class TrackerFactory {

  private TrackerFactory() {}

  /** The tracker {@code settings} name, or empty when tracking is off. */
  public static Optional<ExperimentTracker> open(TrackingLaunch settings) {
    if (!settings.enabled()) {
      return Optional.empty();
    }
    if (settings.isServer()) {
      return Optional.of(
          new MlflowServerTracker(
              MlflowServerSettings.of(
                      settings.uri(), settings.token(), settings.username(), settings.password())
                  .withStandardCredentials(System.getenv())));
    }
    return Optional.of(new FileStoreTracker(fileStoreRoot(settings.uri())));
  }

  /** The directory of a file-store URI: {@code file:/x}, {@code file:///x} or a plain path. */
  public static Path fileStoreRoot(String uri) {
    if (!uri.startsWith("file:")) {
      return Path.of(uri).toAbsolutePath().normalize();
    }
    String path = uri.substring("file:".length()).replaceFirst("^//(?=/)", "");
    try {
      return Path.of(URI.create("file://" + path)).toAbsolutePath().normalize();
    } catch (IllegalArgumentException notEncoded) {
      return Path.of(path).toAbsolutePath().normalize();
    }
  }
}
