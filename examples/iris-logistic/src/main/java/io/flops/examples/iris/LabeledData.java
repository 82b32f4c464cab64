package io.flops.examples.iris;

import org.nd4j.linalg.dataset.DataSet;

/** The prepared local data: training and test rows with one-hot labels. */
public record LabeledData(DataSet training, DataSet test) {}
