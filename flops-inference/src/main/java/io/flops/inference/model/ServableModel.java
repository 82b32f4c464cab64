package io.flops.inference.model;

import io.flops.mlapi.ModelSignature;

/** A loaded model that predicts whole batches. Implementations are safe for concurrent use. */
public interface ServableModel {

  /** What the model takes and returns. */
  ModelSignature signature();

  /** The outputs of every row of {@code batch}, computed in one call: one array per row. */
  float[][] predict(Batch batch);
}
