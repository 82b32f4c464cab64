package io.flops.common.image.registry;

import io.flops.common.error.ErrorKind;
import io.flops.common.error.FlopsException;

/**
 * A registry request failed; the message names the request and the registry's answer. An outside
 * failure: the API answers it with 502.
 */
public class RegistryException extends FlopsException {

  public RegistryException(String message) {
    super(ErrorKind.OUTSIDE_FAILURE, message, null);
  }

  public RegistryException(String message, Throwable cause) {
    super(ErrorKind.OUTSIDE_FAILURE, message, cause);
  }
}
