package io.flops.inference.model;

/**
 * Loads the models of one flavor (e.g. {@code dl4j}). A new flavor is served by adding a loader
 * bean; the server picks the loader whose flavor the {@code MLmodel} file names.
 */
public interface ModelLoader {

  /** The flavor name as it appears under {@code flavors} in an {@code MLmodel} file. */
  String flavor();

  /**
   * Loads the model {@code description} describes, using its flavor section.
   *
   * @throws ModelLoadException when the files are missing or do not hold a model of this flavor
   */
  ServableModel load(ModelDescription description);
}
