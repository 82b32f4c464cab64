package io.flops.common.error;

/**
 * One invalid field of a request.
 *
 * @param pointer where, as a JSON pointer (RFC 6901) into the request body, e.g. {@code
 *     /training_configuration/min_fit_clients}; empty for the whole body
 * @param message what is wrong, as a readable sentence fragment
 */
public record FieldError(String pointer, String message) {}
