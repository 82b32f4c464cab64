package io.flops.builder.plan;

import io.flops.common.sla.Platform;
import java.util.Map;

/**
 * One image a plan produced: its full reference, the digest of its manifest (list) and, per
 * platform, its compressed and uncompressed size in bytes.
 */
public record BuiltImage(String reference, String digest, Map<Platform, Size> sizes) {

  public BuiltImage {
    sizes = Map.copyOf(sizes);
  }

  /** Sizes of one platform's image: compressed (as pushed) and uncompressed (as unpacked). */
  public record Size(long compressed, long uncompressed) {}
}
