package io.flops.common.api;

import java.util.Locale;
import java.util.Optional;

/**
 * The stages of one project's run, in order, named after what happens in them (the stages the
 * original's evaluation recorded, FLOPS-ORIGINAL §7). Each begins at a {@link Milestone} of the
 * project's {@code stage_timings} and lasts until the next milestone the project reached; the first
 * begins when a client submits the project, which only the client sees. {@code flops evaluate}
 * reports their durations (docs/evaluation.md).
 */
public enum Stage {
  /** From the submission until the manager accepted the project. */
  SUBMISSION(null, 0x9E9E9E),
  /** The builder builds (or the manager reuses) the learner and aggregator images. */
  IMAGE_BUILD(Milestone.ACCEPTED, 0xF4A020),
  /** The aggregator and the learners are deployed and start. */
  DEPLOYMENT(Milestone.IMAGES_BUILT, 0x8E44AD),
  /** Training runs until its first round finished. */
  FIRST_ROUND(Milestone.TRAINING_STARTED, 0x27AE60),
  /** The remaining rounds (hierarchical: cycles). */
  TRAINING(Milestone.FIRST_ROUND, 0xC0392B),
  /** The post-training steps: the trained-model image build, when the SLA asks for it. */
  POST_TRAINING(Milestone.TRAINING_DONE, 0xF1C40F),
  /** The inference server of the trained model is deployed until it answers. */
  INFERENCE_DEPLOYMENT(Milestone.INFERENCE_IMAGE_BUILT, 0x2E86DE),
  /** From the ready inference server until the project ended. */
  FINISHING(Milestone.INFERENCE_READY, 0x16A085);

  /** The milestone that closes the last stage: the project's end. */
  public static final Milestone END = Milestone.ENDED;

  private final Milestone begin;
  private final int rgb;

  Stage(Milestone begin, int rgb) {
    this.begin = begin;
    this.rgb = rgb;
  }

  /** The milestone at which this stage begins; empty for {@link #SUBMISSION}. */
  public Optional<Milestone> begin() {
    return Optional.ofNullable(begin);
  }

  /** The name in CSV files and charts, e.g. {@code image_build}. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The stage's colour in charts, as {@code 0xRRGGBB}; the same in every chart. */
  public int rgb() {
    return rgb;
  }
}
