package io.flops.builder.image;

import io.flops.common.image.registry.Platform;
import java.util.Map;

/** The classifiers of native-library jars (JavaCPP, ND4J) for each image platform. */
public final class NativeClassifiers {

  private static final Map<String, String> BY_ARCHITECTURE =
      Map.of("amd64", "linux-x86_64", "arm64", "linux-arm64", "ppc64le", "linux-ppc64le");

  private NativeClassifiers() {}

  /** E.g. {@code linux-x86_64} for {@code linux/amd64}. */
  public static String of(Platform platform) {
    String classifier = BY_ARCHITECTURE.get(platform.architecture());
    if (classifier == null || !"linux".equals(platform.os())) {
      throw new IllegalArgumentException("Unsupported platform " + platform + ".");
    }
    return classifier;
  }

  /** True when a jar with {@code classifier} holds natives for {@code platform}. */
  public static boolean matches(String classifier, Platform platform) {
    String wanted = of(platform);
    return classifier.equals(wanted) || classifier.startsWith(wanted + "-");
  }

  /** True when a jar file name ends with a native classifier of {@code platform}. */
  public static boolean fileMatches(String fileName, Platform platform) {
    String wanted = of(platform);
    return fileName.endsWith("-" + wanted + ".jar") || fileName.contains("-" + wanted + "-");
  }

  /** True when a jar file name ends with any known native classifier. */
  public static boolean isNativeFile(String fileName) {
    return fileName.matches(
        ".*-(linux|windows|macosx|android|ios)-(x86_64|x86|arm64|armhf|ppc64le|arm)(-[a-z0-9]+)?\\.jar");
  }
}
