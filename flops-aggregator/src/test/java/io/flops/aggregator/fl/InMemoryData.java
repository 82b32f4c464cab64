package io.flops.aggregator.fl;

import io.flops.learner.data.LocalDataSource;
import io.flops.learner.data.NoLocalDataException;
import io.flops.mlapi.LocalData;
import io.flops.mlapi.Table;
import java.util.List;
import java.util.Optional;

/** A learner's local data held in memory, served for one tag like a data server would. */
record InMemoryData(String tag, Table training, Table testTable) implements LocalDataSource {

  static final String ADDRESS = "127.0.0.1:11027";

  @Override
  public LocalData fetch(List<String> dataTags) throws NoLocalDataException {
    if (!dataTags.contains(tag)) {
      throw new NoLocalDataException(dataTags, ADDRESS);
    }
    return new LocalData() {
      @Override
      public List<String> dataTags() {
        return dataTags;
      }

      @Override
      public Table training() {
        return training;
      }

      @Override
      public Optional<Table> test() {
        return Optional.of(testTable);
      }
    };
  }

  @Override
  public String address() {
    return ADDRESS;
  }
}
