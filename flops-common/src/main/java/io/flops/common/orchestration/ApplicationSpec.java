package io.flops.common.orchestration;

/**
 * An application services are grouped under (Oakestra's application; a label elsewhere).
 *
 * @param name unique per customer, e.g. {@code observatory}, {@code helper}, {@code proj3fa2c1}
 * @param namespace Oakestra's application namespace
 * @param customerId the owning customer
 * @param description shown by the platform
 */
public record ApplicationSpec(
    String name, String namespace, String customerId, String description) {}
