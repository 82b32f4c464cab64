package io.flops.common.image;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * Unpacks images of a {@link LocalImageStore} once into a cache directory, so that what the builder
 * built can run directly on this host. Reads both tarball layouts Jib's {@code TarImage} writes: an
 * OCI image layout ({@code index.json}, {@code blobs/sha256/...}) and the {@code docker load}
 * layout ({@code manifest.json}). A tarball that changes (size or time) is unpacked anew.
 */
public final class ImageUnpacker {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final LocalImageStore store;
  private final Path cacheDir;
  private final Map<String, Object> locks = new ConcurrentHashMap<>();

  public ImageUnpacker(LocalImageStore store, Path cacheDir) {
    this.store = store;
    this.cacheDir = cacheDir.toAbsolutePath();
  }

  /**
   * The unpacked form of {@code imageReference}, unpacking it on first use.
   *
   * @throws IllegalArgumentException when the store does not hold the image
   * @throws UncheckedIOException when the tarball cannot be read
   */
  public UnpackedImage unpack(String imageReference) {
    Path tarball = store.tarball(imageReference);
    if (!Files.isRegularFile(tarball)) {
      throw new IllegalArgumentException(
          "Image " + imageReference + " is not in the local image store (no " + tarball + ")");
    }
    try {
      Path target = cacheDir.resolve(cacheKey(tarball));
      synchronized (locks.computeIfAbsent(target.toString(), key -> new Object())) {
        if (!Files.isRegularFile(target.resolve("config.json"))) {
          unpackInto(tarball, target);
        }
      }
      return new UnpackedImage(
          imageReference, target.resolve("rootfs"), readConfig(target.resolve("config.json")));
    } catch (IOException e) {
      throw new UncheckedIOException(
          "Could not unpack image " + imageReference + " from " + tarball + ": " + e.getMessage(),
          e);
    }
  }

  private void unpackInto(Path tarball, Path target) throws IOException {
    Path staging = Files.createDirectories(cacheDir).resolve(target.getFileName() + ".partial");
    deleteRecursively(staging);
    Path blobs = Files.createDirectories(staging.resolve("image"));
    TarFiles.extract(tarball, blobs, false);
    ImageLayout layout = ImageLayout.read(blobs);
    Path rootfs = Files.createDirectories(staging.resolve("rootfs"));
    for (Path layer : layout.layers()) {
      TarFiles.extract(layer, rootfs, true);
    }
    Files.copy(layout.config(), staging.resolve("config.json"));
    deleteRecursively(blobs);
    deleteRecursively(target);
    Files.move(staging, target);
  }

  private static ImageConfig readConfig(Path configFile) throws IOException {
    JsonNode config = JSON.readTree(configFile.toFile()).path("config");
    Map<String, String> env = new LinkedHashMap<>();
    for (JsonNode entry : config.path("Env")) {
      String text = entry.asText();
      int eq = text.indexOf('=');
      if (eq > 0) {
        env.put(text.substring(0, eq), text.substring(eq + 1));
      }
    }
    return new ImageConfig(
        strings(config.path("Entrypoint")),
        strings(config.path("Cmd")),
        env,
        config.path("WorkingDir").asText(""));
  }

  private static List<String> strings(JsonNode array) {
    List<String> values = new ArrayList<>();
    array.forEach(value -> values.add(value.asText()));
    return values;
  }

  private static String cacheKey(Path tarball) throws IOException {
    String identity =
        tarball.toAbsolutePath()
            + "|"
            + Files.size(tarball)
            + "|"
            + Files.getLastModifiedTime(tarball).toMillis();
    try {
      byte[] hash =
          MessageDigest.getInstance("SHA-256").digest(identity.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(hash, 0, 12);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  static void deleteRecursively(Path dir) throws IOException {
    if (!Files.exists(dir, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path path : paths.sorted((a, b) -> b.compareTo(a)).toList()) {
        Files.deleteIfExists(path);
      }
    }
  }
}
