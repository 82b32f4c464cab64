package io.flops.builder.plan;

import java.util.List;
import java.util.Map;

/**
 * What a plan built.
 *
 * @param images the images, in the order they were built
 * @param source what they were built from (a commit sha, a run id)
 * @param timingsMillis each step's duration, in the order the steps ran
 * @param bytesPushed bytes of blobs uploaded to a registry or written to the local store
 * @param pushedBlobs digests of the blobs uploaded (blobs the registry already had are not in it)
 */
public record BuildOutcome(
    List<BuiltImage> images,
    String source,
    Map<String, Long> timingsMillis,
    long bytesPushed,
    List<String> pushedBlobs) {

  public BuildOutcome {
    images = List.copyOf(images);
    pushedBlobs = List.copyOf(pushedBlobs);
  }
}
