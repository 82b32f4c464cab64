package io.flops.inference.scoring;

/** A request with more rows than the server predicts at once (answered 413). */
public class BatchTooLargeException extends RuntimeException {

  public BatchTooLargeException(int rows, int maxRows) {
    super(
        "The request holds "
            + rows
            + " rows, more than the "
            + maxRows
            + " this server predicts at once (flops.inference.max-batch-size);"
            + " split it into smaller requests.");
  }
}
