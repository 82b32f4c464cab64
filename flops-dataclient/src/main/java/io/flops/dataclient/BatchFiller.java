package io.flops.dataclient;

import org.apache.arrow.vector.VectorSchemaRoot;

/** Fills the next record batch of a put into a reused root. */
@FunctionalInterface
public interface BatchFiller {

  /**
   * Writes the next batch into {@code root} (including {@link VectorSchemaRoot#setRowCount}).
   *
   * @return false when there are no more batches (the root's content is then ignored)
   */
  boolean fillNext(VectorSchemaRoot root);
}
