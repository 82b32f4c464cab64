package io.flops.dataserver.mock;

/**
 * A loaded data set: its training and test rows, kept apart, and how its columns are named.
 *
 * @param name the data set's name (e.g. {@code mnist})
 * @param featureColumn the name of the feature column ({@code image} for MNIST)
 * @param train training rows
 * @param test test rows
 */
public record LabeledSplits(
    String name, String featureColumn, LabeledDataset train, LabeledDataset test) {}
