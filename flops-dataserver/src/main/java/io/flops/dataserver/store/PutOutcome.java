package io.flops.dataserver.store;

/**
 * The result of a put.
 *
 * @param dataset the stored data set
 * @param stored false when the same content was already stored (the put changed nothing)
 */
public record PutOutcome(StoredDataset dataset, boolean stored) {}
