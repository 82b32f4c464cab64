package io.flops.learner.data;

import io.flops.dataclient.ArrowLocalData;
import io.flops.dataclient.DataServerClient;
import io.flops.dataclient.DataServerTrust;
import io.flops.dataclient.NoDataException;
import io.flops.mlapi.LocalData;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The node's ML data server over Arrow Flight (flops-dataclient). Closing it releases the fetched
 * data's Arrow memory.
 */
public final class FlightLocalDataSource implements LocalDataSource, AutoCloseable {

  private final DataServerClient client;
  private final List<ArrowLocalData> fetched = new CopyOnWriteArrayList<>();

  /**
   * @param address the data server's {@code host:port}
   * @param token the data server's reader token; empty: none
   * @param trust TLS to the data server, trusting the installation's authority, or plaintext
   */
  public FlightLocalDataSource(String address, String token, DataServerTrust trust) {
    this.client = DataServerClient.connect(address, token, trust);
  }

  @Override
  public LocalData fetch(List<String> dataTags) throws NoLocalDataException {
    try {
      ArrowLocalData data = client.fetch(dataTags);
      fetched.add(data);
      return data;
    } catch (NoDataException e) {
      throw new NoLocalDataException(dataTags, client.address());
    }
  }

  @Override
  public String address() {
    return client.address();
  }

  @Override
  public void close() {
    fetched.forEach(ArrowLocalData::close);
    client.close();
  }
}
