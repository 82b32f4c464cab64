package io.flops.common.image;

import java.nio.file.Path;

/**
 * An image whose layers were unpacked into a directory on this host.
 *
 * @param reference the image reference it came from
 * @param root the directory that stands for the image's {@code /}
 * @param config how the image wants to be run
 */
public record UnpackedImage(String reference, Path root, ImageConfig config) {}
