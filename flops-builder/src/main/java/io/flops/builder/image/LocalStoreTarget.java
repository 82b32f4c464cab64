package io.flops.builder.image;

import com.google.cloud.tools.jib.api.Containerizer;
import com.google.cloud.tools.jib.api.ImageReference;
import com.google.cloud.tools.jib.api.InvalidImageReferenceException;
import com.google.cloud.tools.jib.api.JibContainer;
import com.google.cloud.tools.jib.api.TarImage;
import com.google.cloud.tools.jib.api.buildplan.ImageFormat;
import io.flops.builder.plan.BuildFailure;
import io.flops.builder.plan.BuiltImage;
import io.flops.common.image.LocalImageStore;
import io.flops.common.sla.Platform;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;

/**
 * Writes images into the {@link LocalImageStore} as OCI image-layout tarballs, for the host's
 * platform only: the local-process orchestrator runs them on this machine.
 */
public final class LocalStoreTarget implements ImageTarget {

  private final LocalImageStore store;
  private final Path cacheDir;

  public LocalStoreTarget(LocalImageStore store, Path cacheDir) {
    this.store = store;
    this.cacheDir = cacheDir;
  }

  @Override
  public String registry() {
    return "";
  }

  /** Only the host's platform: the local-process orchestrator runs the images on this machine. */
  @Override
  public List<Platform> platformsBuilt(List<Platform> requested) {
    return List.of(Platform.host());
  }

  @Override
  public BuiltImage build(ImageRecipe recipe, List<Platform> platforms, PushTracker pushes)
      throws BuildFailure {
    Platform host = Platform.host();
    Path tarball = store.tarball(recipe.reference());
    try {
      Files.createDirectories(tarball.getParent());
      Path partial = tarball.resolveSibling("image.tar.partial");
      TarImage image = TarImage.at(partial).named(ImageReference.parse(recipe.reference()));
      JibContainer container =
          JibRuns.run(
              recipe,
              host,
              ImageFormat.OCI,
              JibRuns.cached(Containerizer.to(image), cacheDir, true, pushes));
      Files.move(
          partial, tarball, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      long size = Files.size(tarball);
      pushes.uploaded(tarball.toString(), size);
      return new BuiltImage(
          recipe.reference(),
          container.getDigest().toString(),
          Map.of(host, new BuiltImage.Size(size, -1)));
    } catch (InvalidImageReferenceException e) {
      throw new BuildFailure("'" + recipe.reference() + "' is not a valid image reference.", e);
    } catch (IOException e) {
      throw new BuildFailure("Cannot write " + tarball + ": " + e.getMessage() + ".", e);
    }
  }
}
