package io.flops.builder.image;

import io.flops.builder.plan.BuildFailure;
import io.flops.common.launch.ImageOutput;
import io.flops.common.sla.Platform;
import java.util.ArrayList;
import java.util.List;

/**
 * The platforms a build is asked for ({@link ImageOutput#platforms()}), checked and deduplicated.
 */
public final class BuildPlatforms {

  private BuildPlatforms() {}

  /** The platforms of the launch record's {@code output}, checked and deduplicated. */
  public static List<Platform> of(ImageOutput output) throws BuildFailure {
    return parse(output.platforms().stream().map(io.flops.common.sla.Platform::jsonName).toList());
  }

  /** Parses {@code texts} such as {@code linux/amd64}; an unsupported one fails the build. */
  public static List<Platform> parse(List<String> texts) throws BuildFailure {
    List<Platform> platforms = new ArrayList<>();
    for (String text : texts) {
      try {
        Platform platform = Platform.parse(text);
        if (!platforms.contains(platform)) {
          platforms.add(platform);
        }
      } catch (IllegalArgumentException e) {
        throw new BuildFailure(e.getMessage(), e);
      }
    }
    return platforms;
  }
}
