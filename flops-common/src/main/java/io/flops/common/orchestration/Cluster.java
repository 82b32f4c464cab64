package io.flops.common.orchestration;

/** A cluster of workers that can run services. */
public record Cluster(String id, String name) {}
