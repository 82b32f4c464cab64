package io.flops.common.image.registry;

/** A registry request failed; the message names the request and the registry's answer. */
public class RegistryException extends RuntimeException {

  public RegistryException(String message) {
    super(message);
  }

  public RegistryException(String message, Throwable cause) {
    super(message, cause);
  }
}
