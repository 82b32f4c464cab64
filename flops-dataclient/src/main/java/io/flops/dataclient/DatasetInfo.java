package io.flops.dataclient;

import org.apache.arrow.vector.types.pojo.Schema;

/**
 * A data set as listed by the data server.
 *
 * @param name {@code <tag>.<content hash>.arrow}, the ticket for fetching it
 * @param tag its data tag
 * @param schema its columns and metadata (e.g. {@link DataServerProtocol#SPLIT_KEY})
 * @param rows its row count
 * @param bytes its size on the server's disk
 */
public record DatasetInfo(String name, String tag, Schema schema, long rows, long bytes) {

  /** {@code train} or {@code test}; {@code train} when the data set carries no split mark. */
  public String split() {
    String split = schema.getCustomMetadata().get(DataServerProtocol.SPLIT_KEY);
    return DataServerProtocol.TEST.equals(split)
        ? DataServerProtocol.TEST
        : DataServerProtocol.TRAIN;
  }
}
