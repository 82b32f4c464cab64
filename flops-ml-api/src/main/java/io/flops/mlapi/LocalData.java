package io.flops.mlapi;

import java.util.List;
import java.util.Optional;

/** The data sets of one learner node that matched the SLA's data tags, merged. */
public interface LocalData {

  /** The data tags the learner asked for. */
  List<String> dataTags();

  /** Rows meant for training (every row when the data sets carry no split). */
  Table training();

  /** Rows meant for testing, when the data sets were pushed with a test split. */
  Optional<Table> test();
}
