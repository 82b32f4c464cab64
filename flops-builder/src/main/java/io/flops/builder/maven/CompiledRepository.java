package io.flops.builder.maven;

import java.nio.file.Path;
import java.util.List;

/**
 * A compiled repository: its classes and resources, and its runtime dependency jars, which live in
 * the local Maven repository {@code repositoryRoot} (so each jar's coordinates follow from its
 * path).
 */
public record CompiledRepository(Path classes, List<Path> dependencies, Path repositoryRoot) {

  public CompiledRepository {
    dependencies = List.copyOf(dependencies);
  }
}
