package io.flops.dataserver.store;

import java.nio.file.Path;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * A data set kept by the store.
 *
 * @param name {@code <tag>.<content hash>.arrow}
 * @param tag its data tag
 * @param schema its columns and schema metadata
 * @param rows its row count
 * @param bytes its file size
 * @param file where it lies
 */
public record StoredDataset(
    String name, String tag, Schema schema, long rows, long bytes, Path file) {}
