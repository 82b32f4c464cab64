package io.flops.cli.evaluate;

import java.util.Locale;

/**
 * The stages of one evaluation run, in order. Each stage begins at a milestone of the project's
 * {@code stage_timings} (docs/api.md) and lasts until the next milestone the project reached; the
 * first begins when the command submits the project. They are the stages the original evaluation
 * recorded (FLOPS-ORIGINAL §7), named after what happens in them.
 */
public enum Stage {
  /** From the submission until the manager accepted the project. */
  SUBMISSION(null),
  /** The builder builds (or the manager reuses) the learner and aggregator images. */
  IMAGE_BUILD("accepted"),
  /** The aggregator and the learners are deployed and start. */
  DEPLOYMENT("images_built"),
  /** Training runs until its first round finished. */
  FIRST_ROUND("training_started"),
  /** The remaining rounds (hierarchical: cycles). */
  TRAINING("first_round"),
  /** The post-training steps: the trained-model image build, when the SLA asks for it. */
  POST_TRAINING("training_done"),
  /** The inference server of the trained model is deployed until it answers. */
  INFERENCE_DEPLOYMENT("inference_image_built"),
  /** From the ready inference server until the project ended. */
  FINISHING("inference_ready");

  /** The milestone that marks the end of the last stage. */
  public static final String ENDED = "ended";

  private final String milestone;

  Stage(String milestone) {
    this.milestone = milestone;
  }

  /** The {@code stage_timings} key at which this stage begins (null: at the submission). */
  public String milestone() {
    return milestone;
  }

  /** The name in CSV files and charts, e.g. {@code image_build}. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
