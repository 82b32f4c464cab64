package io.flops.common.api;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The body of {@code POST /api/flops/customers} (admin only): the customer a new API token is for.
 *
 * @param customerId 1 to 64 letters, digits, '_', '.' or '-'
 */
public record CustomerTokenRequest(@JsonProperty("customer_id") String customerId) {}
