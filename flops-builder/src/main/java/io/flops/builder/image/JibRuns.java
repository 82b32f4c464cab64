package io.flops.builder.image;

import com.google.cloud.tools.jib.api.Containerizer;
import com.google.cloud.tools.jib.api.InvalidImageReferenceException;
import com.google.cloud.tools.jib.api.Jib;
import com.google.cloud.tools.jib.api.JibContainer;
import com.google.cloud.tools.jib.api.JibContainerBuilder;
import com.google.cloud.tools.jib.api.RegistryImage;
import com.google.cloud.tools.jib.api.buildplan.AbsoluteUnixPath;
import com.google.cloud.tools.jib.api.buildplan.ImageFormat;
import io.flops.builder.plan.BuildFailure;
import io.flops.common.sla.Platform;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Set;

/** One Jib run: a recipe for one platform into one containerizer, reproducibly. */
final class JibRuns {

  private JibRuns() {}

  static JibContainer run(
      ImageRecipe recipe, Platform platform, ImageFormat format, Containerizer containerizer)
      throws BuildFailure {
    try {
      JibContainerBuilder builder =
          "scratch".equals(recipe.baseImage())
              ? Jib.fromScratch()
              : Jib.from(RegistryImage.named(recipe.baseImage()));
      if (!recipe.environment().isEmpty()) {
        builder.setEnvironment(recipe.environment());
      }
      if (!recipe.exposedPorts().isEmpty()) {
        builder.setExposedPorts(
            recipe.exposedPorts().stream()
                .map(com.google.cloud.tools.jib.api.buildplan.Port::tcp)
                .collect(java.util.stream.Collectors.toSet()));
      }
      if (!recipe.user().isEmpty()) {
        builder.setUser(recipe.user());
      }
      return builder
          .setPlatforms(
              Set.of(
                  new com.google.cloud.tools.jib.api.buildplan.Platform(
                      platform.architecture(), platform.os())))
          .setFileEntriesLayers(recipe.layers().apply(platform))
          .setEntrypoint(recipe.entrypoint())
          .setLabels(recipe.labels())
          .setWorkingDirectory(AbsoluteUnixPath.get("/app"))
          .setCreationTime(Instant.EPOCH)
          .setFormat(format)
          .containerize(containerizer);
    } catch (InvalidImageReferenceException e) {
      throw new BuildFailure(
          "The base image '" + recipe.baseImage() + "' is not an image reference.", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new BuildFailure("Interrupted while building the " + recipe.role() + " image.", e);
    } catch (Exception e) {
      throw new BuildFailure(
          "Cannot build the "
              + recipe.role()
              + " image for "
              + platform
              + " from base image "
              + recipe.baseImage()
              + ": "
              + rootMessage(e)
              + ".",
          e);
    }
  }

  static Containerizer cached(
      Containerizer containerizer, Path cacheDir, boolean plainHttp, PushTracker pushes) {
    return containerizer
        .setAllowInsecureRegistries(plainHttp)
        .setBaseImageLayersCache(cacheDir.resolve("base"))
        .setApplicationLayersCache(cacheDir.resolve("app"))
        .setToolName("flops-builder")
        .addEventHandler(pushes);
  }

  private static String rootMessage(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String message =
        root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    return message.lines().findFirst().orElse("").replaceAll("[.\\s]+$", "");
  }
}
