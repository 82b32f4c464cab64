package io.flops.dataserver.store;

import org.apache.arrow.vector.VectorSchemaRoot;

/** Incoming record batches of one put, loaded one after the other into the same root. */
public interface BatchSource {

  /** The root each batch is loaded into; its schema is known before the first batch. */
  VectorSchemaRoot root();

  /** Loads the next batch into {@link #root()}; false when the stream has ended. */
  boolean next();
}
