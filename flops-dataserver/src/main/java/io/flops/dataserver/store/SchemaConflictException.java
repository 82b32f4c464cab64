package io.flops.dataserver.store;

import io.flops.common.error.ErrorKind;
import io.flops.common.error.FlopsException;
import org.apache.arrow.vector.types.pojo.Schema;

/** A data set put under a tag whose stored data sets have other columns. */
public class SchemaConflictException extends FlopsException {

  public SchemaConflictException(String tag, Schema offered, Schema held) {
    super(
        ErrorKind.CONFLICT,
        "Refused data set for tag '"
            + tag
            + "': its schema "
            + offered
            + " differs from the schema "
            + held
            + " of the data sets already under that tag; drop the tag first or use another tag",
        null);
  }
}
