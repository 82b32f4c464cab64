package io.flops.inference.model;

import java.util.List;

/** Picks, among the available loaders, the one for a flavor the model directory names. */
public final class ModelLoaders {

  private final List<ModelLoader> loaders;

  public ModelLoaders(List<ModelLoader> loaders) {
    this.loaders = List.copyOf(loaders);
  }

  /** Loads the model {@code description} describes with the first loader of one of its flavors. */
  public LoadedModel load(ModelDescription description) {
    ModelLoader loader = loaderFor(description);
    return new LoadedModel(loader.flavor(), loader.load(description));
  }

  private ModelLoader loaderFor(ModelDescription description) {
    return loaders.stream()
        .filter(loader -> description.flavors().containsKey(loader.flavor()))
        .findFirst()
        .orElseThrow(
            () ->
                new ModelLoadException(
                    "The model in "
                        + description.directory()
                        + " has the flavors "
                        + description.flavors().keySet()
                        + ", but this server loads only "
                        + flavors()
                        + "."));
  }

  /** The flavors the available loaders load. */
  public List<String> flavors() {
    return loaders.stream().map(ModelLoader::flavor).toList();
  }
}
