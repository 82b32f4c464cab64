package io.flops.builder.maven;

import io.flops.builder.image.JarCoordinates;
import io.flops.common.image.RepositoryDependencies;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * A compiled repository: its classes and resources, and its runtime dependency jars, which live in
 * the local Maven repository {@code repositoryRoot} (so each jar's coordinates follow from its
 * path).
 */
public record CompiledRepository(Path classes, List<Path> dependencies, Path repositoryRoot) {

  public CompiledRepository {
    dependencies = List.copyOf(dependencies);
  }

  /** The Maven coordinates of the dependency jars, as logged with the trained model. */
  public RepositoryDependencies coordinates() {
    return RepositoryDependencies.ofJars(
        dependencies.stream()
            .map(jar -> JarCoordinates.of(repositoryRoot, jar))
            .flatMap(Optional::stream)
            .map(JarCoordinates::gav)
            .toList());
  }
}
