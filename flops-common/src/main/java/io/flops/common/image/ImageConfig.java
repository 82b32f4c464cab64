package io.flops.common.image;

import java.util.List;
import java.util.Map;

/**
 * What an image says about how to run it (the {@code config} object of its OCI/Docker config).
 *
 * @param entrypoint the entrypoint, possibly empty
 * @param cmd the default arguments, possibly empty
 * @param environment the image's environment variables
 * @param workingDir the working directory, or empty for {@code /}
 */
public record ImageConfig(
    List<String> entrypoint, List<String> cmd, Map<String, String> environment, String workingDir) {

  public ImageConfig {
    entrypoint = List.copyOf(entrypoint);
    cmd = List.copyOf(cmd);
    environment = Map.copyOf(environment);
    workingDir = workingDir == null ? "" : workingDir;
  }
}
