package io.flops.dataclient;

import io.flops.common.error.ErrorKind;
import java.util.List;

/** No data set on a data server matches the requested data tags ({@link ErrorKind#NOT_FOUND}). */
public class NoDataException extends DataServerException {

  public NoDataException(List<String> tags, String address) {
    super(ErrorKind.NOT_FOUND, "no data for tags " + tags + " on data server " + address, null);
  }
}
