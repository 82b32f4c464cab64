package io.flops.aggregator.tracking;

import io.flops.common.image.RepositoryDependencies;
import java.util.List;

/**
 * The Maven coordinates logged with the best model (its {@code dependencies.txt}): those set in
 * {@code flops.aggregator.model-dependencies}, else the repository's resolved dependencies that the
 * builder wrote into this image ({@link RepositoryDependencies#RESOURCE} on the class path).
 */
public final class ModelDependencies {

  private ModelDependencies() {}

  /**
   * @param configured {@code flops.aggregator.model-dependencies}; empty means "the image's list"
   * @param classPath the class path holding the user's classes and the image's list
   */
  public static List<String> of(List<String> configured, ClassLoader classPath) {
    if (!configured.isEmpty()) {
      return configured;
    }
    return RepositoryDependencies.fromClassPath(classPath).coordinates();
  }
}
