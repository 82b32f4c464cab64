package io.flops.learner.data;

import java.util.List;

/** No data set on the node's data server matches the learner's data tags. */
public class NoLocalDataException extends Exception {

  public NoLocalDataException(List<String> dataTags, String dataServer) {
    super("no data for tags " + dataTags + " on data server " + dataServer);
  }
}
