package io.flops.learner.data;

import io.flops.mlapi.LocalData;
import java.util.List;

/**
 * Where a learner gets its local data: the node's ML data server. The Arrow Flight client of
 * flops-dataclient implements it; tests use in-memory data.
 */
public interface LocalDataSource {

  /**
   * The data sets matching {@code dataTags}, merged.
   *
   * @throws NoLocalDataException when no data set matches
   */
  LocalData fetch(List<String> dataTags) throws NoLocalDataException;

  /** The data server's {@code host:port}, for messages. */
  String address();
}
