package io.flops.cli.init;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Writes a new ML repository from a {@link Template}: its files with {@code {{name}}} placeholders
 * filled in (package, coordinates, class names, data tag, and the versions FLOps is built with,
 * from {@code versions.properties}).
 */
public final class Scaffold {

  private static final String TEMPLATES = "templates/";
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{([A-Za-z0-9]+)}}");

  private final Template template;
  private final Map<String, String> values;

  /**
   * @param template what to write
   * @param groupId the Maven group id
   * @param artifactId the Maven artifact id
   * @param javaPackage the package of the classes
   */
  public Scaffold(Template template, String groupId, String artifactId, String javaPackage) {
    this.template = template;
    this.values = new LinkedHashMap<>(versions());
    values.put("template", template.id());
    values.put("description", template.description());
    values.put("groupId", groupId);
    values.put("artifactId", artifactId);
    values.put("package", javaPackage);
    values.put("packagePath", javaPackage.replace('.', '/'));
    values.put("modelClass", template.modelClass());
    values.put("dataClass", template.dataClass());
    values.put("dataTag", template.dataTag());
    values.put("memory", Integer.toString(template.memoryMb()));
  }

  /** The versions FLOps was built with: ML API, DL4J, Java, JUnit and the Maven plugins. */
  public static Map<String, String> versions() {
    Properties properties = new Properties();
    try (InputStream in = Scaffold.class.getResourceAsStream("versions.properties")) {
      if (in == null) {
        throw new IllegalStateException("versions.properties is missing from the flops-cli jar");
      }
      properties.load(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Map<String, String> versions = new LinkedHashMap<>();
    properties.stringPropertyNames().stream()
        .sorted()
        .forEach(name -> versions.put(name, properties.getProperty(name)));
    return versions;
  }

  /**
   * Writes the repository into {@code dir}, which must not exist or be empty.
   *
   * @return the files written, relative to {@code dir}
   */
  public List<Path> writeTo(Path dir) {
    requireEmpty(dir);
    List<Path> written = new ArrayList<>();
    for (TemplateFile file : template.files()) {
      Path target = dir.resolve(fill(file.target(), file.target()));
      try {
        Files.createDirectories(target.getParent());
        Files.writeString(target, fill(read(file.resource()), file.resource()));
      } catch (IOException e) {
        throw new UncheckedIOException("Could not write " + target, e);
      }
      written.add(dir.relativize(target));
    }
    return written;
  }

  /** {@code text} with every placeholder filled; an unknown one is a bug of the template. */
  String fill(String text, String source) {
    Matcher matcher = PLACEHOLDER.matcher(text);
    StringBuilder filled = new StringBuilder();
    while (matcher.find()) {
      String value = values.get(matcher.group(1));
      if (value == null || value.startsWith("@")) {
        throw new IllegalStateException(
            source + " has the placeholder " + matcher.group() + ", which has no value");
      }
      matcher.appendReplacement(filled, Matcher.quoteReplacement(value));
    }
    matcher.appendTail(filled);
    return filled.toString();
  }

  private static String read(String resource) {
    try (InputStream in = Scaffold.class.getResourceAsStream(TEMPLATES + resource)) {
      if (in == null) {
        throw new IllegalStateException("The template file " + resource + " is missing");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void requireEmpty(Path dir) {
    if (!Files.exists(dir)) {
      return;
    }
    if (!Files.isDirectory(dir)) {
      throw new IllegalArgumentException(dir + " exists and is not a directory");
    }
    try (Stream<Path> entries = Files.list(dir)) {
      if (entries.findAny().isPresent()) {
        throw new IllegalArgumentException(
            dir + " is not empty; flops init writes a new repository");
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
