package io.flops.common.launch;

import io.flops.common.launch.BuilderLaunch.Variable;
import io.flops.common.sla.Platform;
import java.nio.file.Path;
import java.util.List;

/**
 * Where a builder puts its images and what they are built from.
 *
 * @param platforms the platforms to build for (default linux/amd64)
 * @param registry registry {@code host:port} to push to; empty: the local image store
 * @param registryPlainHttp talk plain HTTP to the registry (default true)
 * @param localImageStore the local image store's directory (default {@code .flops/images})
 * @param baseImage a manifest list holding every platform built, or {@code scratch} for images only
 *     the local-process orchestrator runs (default {@value #DEFAULT_BASE_IMAGE})
 * @param cacheDir Jib's layer caches and unpacked runtimes, kept across runs (default {@code
 *     ~/.cache/flops/jib})
 */
public record ImageOutput(
    List<Platform> platforms,
    String registry,
    boolean registryPlainHttp,
    Path localImageStore,
    String baseImage,
    Path cacheDir) {

  /** The base image of a builder started without one. */
  public static final String DEFAULT_BASE_IMAGE = "eclipse-temurin:17-jre";

  /** The base image that is no image: for images only the local-process orchestrator runs. */
  public static final String SCRATCH = "scratch";

  public ImageOutput {
    platforms = List.copyOf(platforms);
    registry = registry == null ? "" : registry;
  }

  /** Whether images go to the local image store rather than a registry. */
  public boolean toLocalStore() {
    return registry.isBlank();
  }

  static ImageOutput read(LaunchReader read) {
    return new ImageOutput(
        read.list(
            Variable.PLATFORMS, Platform::of, "a list of platforms", List.of(Platform.LINUX_AMD64)),
        read.text(Variable.REGISTRY, ""),
        read.flag(Variable.REGISTRY_PLAIN_HTTP, true),
        read.path(Variable.LOCAL_IMAGE_STORE, Path.of(".flops", "images")),
        read.text(Variable.BASE_IMAGE, DEFAULT_BASE_IMAGE),
        read.path(
            Variable.CACHE_DIR,
            Path.of(System.getProperty("user.home"), ".cache", "flops", "jib")));
  }

  void write(LaunchWriter write) {
    write
        .put(Variable.PLATFORMS, platforms.stream().map(Platform::jsonName).toList())
        .put(Variable.REGISTRY, registry)
        .put(Variable.REGISTRY_PLAIN_HTTP, registryPlainHttp)
        .put(Variable.LOCAL_IMAGE_STORE, localImageStore)
        .put(Variable.BASE_IMAGE, baseImage)
        .put(Variable.CACHE_DIR, cacheDir);
  }
}
