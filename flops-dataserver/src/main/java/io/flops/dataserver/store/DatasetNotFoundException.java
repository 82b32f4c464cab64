package io.flops.dataserver.store;

import io.flops.common.error.ErrorKind;
import io.flops.common.error.FlopsException;

/** No data set of that name (or tag) is stored. */
public class DatasetNotFoundException extends FlopsException {

  public DatasetNotFoundException(String name) {
    super(
        ErrorKind.NOT_FOUND,
        "No data set named '" + name + "' is stored on this data server",
        null);
  }
}
