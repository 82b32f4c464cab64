package io.flops.inference.scoring;

import io.flops.common.error.ErrorKind;
import io.flops.common.error.FlopsException;

/** A request with more rows than the server predicts at once (answered 413). */
public class BatchTooLargeException extends FlopsException {

  public BatchTooLargeException(int rows, int maxRows) {
    super(
        ErrorKind.TOO_LARGE,
        "The request holds "
            + rows
            + " rows, more than the "
            + maxRows
            + " this server predicts at once (flops.inference.max-batch-size);"
            + " split it into smaller requests.",
        null);
  }
}
