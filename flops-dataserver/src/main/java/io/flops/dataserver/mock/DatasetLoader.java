package io.flops.dataserver.mock;

/**
 * Loads one named data set for the mock data provider. A CSV or Parquet directory loader is one
 * more implementation registered in {@link MockDataProviderConfiguration}.
 */
public interface DatasetLoader {

  /** The name users give in {@code FLOPS_MOCK_DATASET}. */
  String name();

  /** Loads the training and test rows. */
  LabeledSplits load();
}
