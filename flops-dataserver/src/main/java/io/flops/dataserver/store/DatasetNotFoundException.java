package io.flops.dataserver.store;

/** No data set of that name (or tag) is stored. */
public class DatasetNotFoundException extends RuntimeException {

  public DatasetNotFoundException(String name) {
    super("No data set named '" + name + "' is stored on this data server");
  }
}
