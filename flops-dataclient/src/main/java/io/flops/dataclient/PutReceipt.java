package io.flops.dataclient;

/**
 * What the data server answered to a put.
 *
 * @param name the stored data set's name
 * @param rows rows received
 * @param stored false when identical content was already stored under that name
 */
public record PutReceipt(String name, long rows, boolean stored) {}
