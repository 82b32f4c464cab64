package io.flops.builder.git;

import java.nio.file.Path;

/** A cloned repository: where it is and the commit checked out. */
public record Checkout(Path directory, String commit) {}
