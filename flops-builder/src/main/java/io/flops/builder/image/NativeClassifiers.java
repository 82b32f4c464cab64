package io.flops.builder.image;

import io.flops.common.sla.Platform;

/** The classifiers of native-library jars (JavaCPP, ND4J) for each image platform. */
public final class NativeClassifiers {

  private NativeClassifiers() {}

  /** E.g. {@code linux-x86_64} for {@code linux/amd64}. */
  public static String of(Platform platform) {
    return switch (platform) {
      case LINUX_AMD64 -> "linux-x86_64";
      case LINUX_ARM64 -> "linux-arm64";
    };
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
