package io.flops.common.image;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The embedded default's image store: images the builder made, kept on this host instead of in a
 * registry, for the local-process orchestrator to run. Each image is an OCI image-layout tarball
 * (as Jib's {@code TarImage} writes it) at {@code <root>/<repository>/<tag>/image.tar}, where the
 * repository drops any registry host (e.g. {@code owner/repo/learner}).
 */
public final class LocalImageStore {

  private final Path root;

  public LocalImageStore(Path root) {
    this.root = root.toAbsolutePath();
  }

  public Path root() {
    return root;
  }

  /** Where the tarball of {@code imageReference} lives (whether or not it exists yet). */
  public Path tarball(String imageReference) {
    ImageName name = ImageName.parse(imageReference);
    return root.resolve(name.repository()).resolve(name.tag()).resolve("image.tar");
  }

  /** True when the store holds {@code imageReference}. */
  public boolean contains(String imageReference) {
    return Files.isRegularFile(tarball(imageReference));
  }
}
