package io.flops.benchmarks.build;

import io.flops.builder.plan.BuiltImage;
import io.flops.common.image.ImageName;
import io.flops.common.image.registry.Manifest;
import io.flops.common.image.registry.RegistryClient;
import io.flops.common.sla.Platform;
import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.GZIPInputStream;

/** Reads an image's compressed and uncompressed size per platform back from the registry. */
final class ImageSizes {

  private final RegistryClient client;

  ImageSizes(RegistryClient client) {
    this.client = client;
  }

  Map<Platform, BuiltImage.Size> of(String reference) throws IOException {
    ImageName name = ImageName.parse(reference);
    Manifest list = client.manifest(name.repository(), name.tag()).orElseThrow();
    Map<Platform, BuiltImage.Size> sizes = new LinkedHashMap<>();
    for (Manifest.Entry entry : list.entries()) {
      Manifest manifest = client.manifest(name.repository(), entry.digest()).orElseThrow();
      long compressed = 0;
      long uncompressed = 0;
      for (Manifest.Descriptor layer : manifest.layers()) {
        compressed += layer.size();
        uncompressed += uncompressedSize(name.repository(), layer.digest());
      }
      sizes.put(entry.platform().orElseThrow(), new BuiltImage.Size(compressed, uncompressed));
    }
    return sizes;
  }

  private long uncompressedSize(String repository, String digest) throws IOException {
    try (InputStream in = new GZIPInputStream(client.openBlob(repository, digest), 1 << 16)) {
      byte[] buffer = new byte[1 << 16];
      long total = 0;
      for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
        total += n;
      }
      return total;
    }
  }
}
