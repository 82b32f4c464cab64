package io.flops.builder.maven;

import java.nio.file.Path;

/**
 * A compiled repository: its classes and resources, and its runtime dependencies copied in Maven
 * repository layout (so each jar's coordinates can be read from its path).
 */
public record CompiledRepository(Path classes, Path dependencies) {}
