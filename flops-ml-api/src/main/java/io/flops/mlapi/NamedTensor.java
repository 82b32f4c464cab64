package io.flops.mlapi;

/** One named parameter tensor of a model, row-major. */
public record NamedTensor(String name, long[] shape, float[] values) {}
