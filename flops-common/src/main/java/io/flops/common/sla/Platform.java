package io.flops.common.sla;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * A platform FLOps builds learner, aggregator and trained-model images for: the SLA's {@code
 * supported_platforms}, the builder's {@code FLOPS_BUILDER_PLATFORMS} and the platforms an image
 * catalog finds an image for. Its JSON and text form is {@code os/architecture}, e.g. {@code
 * linux/amd64}.
 */
public enum Platform implements JsonEnum.Named {
  LINUX_AMD64("linux", "amd64"),
  LINUX_ARM64("linux", "arm64");

  private final String os;
  private final String architecture;

  Platform(String os, String architecture) {
    this.os = os;
    this.architecture = architecture;
  }

  /** The operating system as image configs and manifest lists name it, e.g. {@code linux}. */
  public String os() {
    return os;
  }

  /** The architecture as image configs and manifest lists name it, e.g. {@code arm64}. */
  public String architecture() {
    return architecture;
  }

  @JsonValue
  @Override
  public String jsonName() {
    return os + "/" + architecture;
  }

  /** The platform named exactly {@code value} (e.g. {@code linux/amd64}), as the SLA spells it. */
  @JsonCreator
  public static Platform of(String value) {
    return JsonEnum.parse(Platform.class, "platform", value);
  }

  /** The platform of an image config or manifest-list entry, if FLOps builds for it. */
  public static Optional<Platform> find(String os, String architecture) {
    return Arrays.stream(values())
        .filter(p -> p.os.equals(os) && p.architecture.equals(architecture))
        .findFirst();
  }

  /**
   * Reads {@code os/architecture} leniently: blanks around it and upper case are ignored, and so is
   * a variant such as {@code /v8}.
   *
   * @throws IllegalArgumentException when {@code text} is not {@code os/architecture} or names a
   *     platform FLOps does not build for
   */
  public static Platform parse(String text) {
    String[] parts = text.trim().toLowerCase(Locale.ROOT).split("/");
    if (parts.length < 2 || parts[0].isEmpty() || parts[1].isEmpty()) {
      throw new IllegalArgumentException(
          "Not a platform: '" + text + "'; expected os/architecture such as linux/amd64.");
    }
    return find(parts[0], parts[1])
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "Unsupported platform "
                        + parts[0]
                        + "/"
                        + parts[1]
                        + "; allowed: "
                        + JsonEnum.names(Platform.class)
                        + "."));
  }

  /**
   * The platform whose images run on this host: Linux on this host's CPU architecture. The local
   * image store holds images for this platform only.
   *
   * @throws IllegalStateException on a CPU architecture FLOps builds no images for
   */
  public static Platform host() {
    return linuxOn(System.getProperty("os.arch", ""));
  }

  /** Linux on the CPU architecture a JVM calls {@code osArch}. */
  static Platform linuxOn(String osArch) {
    String arch = osArch.toLowerCase(Locale.ROOT);
    return switch (arch) {
      case "x86_64", "amd64" -> LINUX_AMD64;
      case "aarch64", "arm64" -> LINUX_ARM64;
      default ->
          throw new IllegalStateException(
              "This host's CPU architecture '"
                  + arch
                  + "' has no FLOps images; FLOps builds for "
                  + JsonEnum.names(Platform.class)
                  + ".");
    };
  }

  @Override
  public String toString() {
    return jsonName();
  }
}
