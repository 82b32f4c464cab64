package io.flops.manager.project;

/**
 * The images of a project.
 *
 * @param commit the repository commit the actor images are built from
 * @param learner the learner image
 * @param aggregator the aggregator image
 * @param reused true when the actor images existed already and were not rebuilt
 * @param trainedModel the inference image of the trained model, once built
 */
public record ProjectImages(
    String commit, String learner, String aggregator, boolean reused, String trainedModel) {

  /** The same with the trained model's image. */
  public ProjectImages withTrainedModel(String image) {
    return new ProjectImages(commit, learner, aggregator, reused, image);
  }
}
