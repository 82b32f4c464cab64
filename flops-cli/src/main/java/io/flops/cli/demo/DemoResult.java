package io.flops.cli.demo;

import io.flops.common.api.ProjectState;
import io.flops.common.api.ProjectView;
import io.flops.common.api.TrackingView;
import java.net.URI;
import java.time.Duration;

/**
 * What a demo run ended with.
 *
 * @param managerUrl the manager it used
 * @param project the project as it ended
 * @param tracking where its runs are tracked
 * @param prediction the prediction of one real MNIST test digit, or null when nothing was deployed
 * @param elapsed from the start of the demo to the end of the project
 */
public record DemoResult(
    URI managerUrl,
    ProjectView project,
    TrackingView tracking,
    Prediction prediction,
    Duration elapsed) {

  /** True when the project completed. */
  public boolean completed() {
    return project.state() == ProjectState.COMPLETED;
  }

  /**
   * One digit sent to the inference server.
   *
   * @param index its position among the 10,000 MNIST test digits
   * @param label its true label
   * @param predicted what the server answered
   * @param pixels its 784 pixels, to draw it
   */
  public record Prediction(int index, int label, String predicted, float[] pixels) {

    /** True when the server predicted the true label. */
    public boolean correct() {
      return Integer.toString(label).equals(predicted);
    }
  }
}
