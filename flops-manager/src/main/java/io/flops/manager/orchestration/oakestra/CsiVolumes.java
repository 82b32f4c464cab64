package io.flops.manager.orchestration.oakestra;

import io.flops.common.orchestration.Volume;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Durable volumes on Oakestra: the SLA's {@code volumes} (v0.4.410+, API.md §2.1), each {@code
 * {volume_id, csi_driver, mount_path, config}} with the configured CSI driver; Oakestra's scheduler
 * places such a service only on clusters that advertise the driver. Without a driver Oakestra keeps
 * no volumes.
 *
 * @param driver the CSI driver's name, or empty
 * @param config the driver's settings, sent with every volume
 */
record CsiVolumes(String driver, Map<String, String> config) {

  static final CsiVolumes NONE = new CsiVolumes("", Map.of());

  CsiVolumes {
    driver = driver == null ? "" : driver.trim();
    config = config == null ? Map.of() : Map.copyOf(config);
  }

  boolean enabled() {
    return !driver.isEmpty();
  }

  /** The SLA entries of {@code volumes}; volume ids are the volumes' names. */
  List<Map<String, Object>> describe(List<Volume> volumes) {
    return volumes.stream()
        .map(
            volume -> {
              Map<String, Object> entry = new LinkedHashMap<>();
              entry.put("volume_id", volume.name());
              entry.put("csi_driver", driver);
              entry.put("mount_path", volume.mountPath());
              entry.put("config", new LinkedHashMap<>(config));
              return entry;
            })
        .toList();
  }
}
