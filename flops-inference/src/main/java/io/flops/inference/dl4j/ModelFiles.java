package io.flops.inference.dl4j;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.flops.inference.model.FlavorConfig;
import io.flops.inference.model.ModelLoadException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/** Finds the ModelSerializer zip of a {@code dl4j} model directory and tells its network kind. */
final class ModelFiles {

  private static final String CONFIGURATION = "configuration.json";
  private static final ObjectMapper JSON = new ObjectMapper();

  private ModelFiles() {}

  /**
   * The model file: {@code model_data} when it names a file, otherwise the one ModelSerializer zip
   * among {@code files} (or, without {@code files}, among the directory's files).
   */
  static Path find(Path directory, FlavorConfig flavor) {
    Path named = directory.resolve(flavor.text("model_data").orElse("."));
    if (Files.isRegularFile(named)) {
      return named;
    }
    List<Path> zips = candidates(directory, flavor).stream().filter(ModelFiles::isModel).toList();
    if (zips.size() != 1) {
      throw new ModelLoadException(
          "Expected exactly one DL4J ModelSerializer zip in "
              + directory
              + " (flavors.dl4j.model_data names "
              + flavor.text("model_data").orElse("nothing")
              + "), found "
              + zips.stream().map(Path::getFileName).toList()
              + ".");
    }
    return zips.get(0);
  }

  /** True when the zip's configuration describes a ComputationGraph rather than a layer stack. */
  static boolean isComputationGraph(Path file) throws IOException {
    try (ZipFile zip = new ZipFile(file.toFile())) {
      ZipEntry entry = zip.getEntry(CONFIGURATION);
      if (entry == null) {
        throw new IOException(
            file + " has no " + CONFIGURATION + "; it is not a ModelSerializer zip");
      }
      try (InputStream in = zip.getInputStream(entry)) {
        JsonNode configuration = JSON.readTree(in);
        return configuration.has("vertices");
      }
    }
  }

  private static List<Path> candidates(Path directory, FlavorConfig flavor) {
    List<String> files = flavor.texts("files");
    if (!files.isEmpty()) {
      return files.stream().map(directory::resolve).filter(Files::isRegularFile).toList();
    }
    try (Stream<Path> listing = Files.list(directory)) {
      return listing.filter(Files::isRegularFile).toList();
    } catch (IOException e) {
      throw new ModelLoadException("Could not list " + directory + ": " + e.getMessage(), e);
    }
  }

  private static boolean isModel(Path file) {
    try (ZipFile zip = new ZipFile(file.toFile())) {
      return zip.getEntry(CONFIGURATION) != null;
    } catch (IOException e) {
      return false;
    }
  }
}
