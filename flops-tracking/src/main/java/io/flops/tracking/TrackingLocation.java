package io.flops.tracking;

import io.flops.common.api.TrackingKind;
import io.flops.common.launch.TrackingLaunch;

/**
 * Where users look at their experiments: an MLflow server's URL, or a file store's directory and
 * the command that opens it in MLflow's web UI.
 *
 * @param kind a tracking server, a file store, or none
 * @param url the tracking server's URL (server only), else empty
 * @param storeDirectory the file store's directory (file store only), else empty
 * @param uiCommand the command that shows a file store in MLflow's web UI, else empty
 */
public record TrackingLocation(
    TrackingKind kind, String url, String storeDirectory, String uiCommand) {

  /** Describes where the experiments tracked with {@code settings} can be seen. */
  public static TrackingLocation of(TrackingLaunch settings) {
    if (!settings.enabled()) {
      return new TrackingLocation(TrackingKind.NONE, "", "", "");
    }
    if (settings.isServer()) {
      return new TrackingLocation(TrackingKind.SERVER, settings.uri(), "", "");
    }
    String directory = TrackerFactory.fileStoreRoot(settings.uri()).toString();
    return new TrackingLocation(
        TrackingKind.FILE_STORE,
        "",
        directory,
        "mlflow ui --backend-store-uri " + shellQuoted(directory));
  }

  private static String shellQuoted(String path) {
    return path.matches("[A-Za-z0-9_./:@%+=-]+") ? path : "'" + path.replace("'", "'\\''") + "'";
  }
}
