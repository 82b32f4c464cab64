package io.flops.dataclient;

import java.util.List;

/** No data set on a data server matches the requested data tags. */
public class NoDataException extends DataServerException {

  public NoDataException(List<String> tags, String address) {
    super("no data for tags " + tags + " on data server " + address);
  }
}
