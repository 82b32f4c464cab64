package io.flops.inference.model;

/** A model directory that cannot be read or loaded; the message says what is wrong with it. */
public class ModelLoadException extends RuntimeException {

  public ModelLoadException(String message) {
    super(message);
  }

  public ModelLoadException(String message, Throwable cause) {
    super(message, cause);
  }
}
