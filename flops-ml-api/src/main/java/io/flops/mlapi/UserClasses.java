package io.flops.mlapi;

import java.util.List;
import java.util.ServiceLoader;

/**
 * Finds the user's {@link ModelManager} and {@link DataManager} on the classpath through {@link
 * ServiceLoader}, as the learner and the aggregator do.
 */
public final class UserClasses {

  private UserClasses() {}

  /** The one {@link ModelManager} registered in {@code META-INF/services}, newly created. */
  @SuppressWarnings("unchecked")
  public static <D> ModelManager<D> modelManager(ClassLoader loader) {
    return single(ModelManager.class, loader);
  }

  /** The one {@link DataManager} registered in {@code META-INF/services}, newly created. */
  @SuppressWarnings("unchecked")
  public static <D> DataManager<D> dataManager(ClassLoader loader) {
    return single(DataManager.class, loader);
  }

  /**
   * The single provider of {@code type}.
   *
   * @throws IllegalStateException with a sentence saying what is missing or ambiguous
   */
  static <T> T single(Class<T> type, ClassLoader loader) {
    List<ServiceLoader.Provider<T>> providers = ServiceLoader.load(type, loader).stream().toList();
    if (providers.size() != 1) {
      throw new IllegalStateException(
          "The ML repository must register exactly one "
              + type.getSimpleName()
              + " in META-INF/services/"
              + type.getName()
              + ", found "
              + (providers.isEmpty()
                  ? "none"
                  : providers.stream().map(p -> p.type().getName()).toList()));
    }
    return providers.get(0).get();
  }
}
