package io.flops.inference.model;

/** A model ready to serve, with the flavor it was loaded as. */
public record LoadedModel(String flavor, ServableModel model) {}
