package io.flops.manager.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * docs/configuration.md lists every {@code flops.*} property of the manager as Spring Boot's
 * configuration processor describes it (META-INF/spring-configuration-metadata.json, from the
 * properties classes' Javadoc): the reference is generated, never written by hand. Rewrite it with
 * {@code ./mvnw -pl flops-manager test -Dtest=ConfigurationReferenceTest -Dflops.docs.write=true}.
 */
class ConfigurationReferenceTest {

  private static final Path DOC = Path.of("../docs/configuration.md");
  private static final String BEGIN = "<!-- generated: flops.* properties -->";
  private static final String END = "<!-- end of generated -->";

  @Test
  void docsListEveryPropertyAsTheMetadataDescribesIt() throws Exception {
    String table = table(metadata());
    String doc = Files.readString(DOC);
    int begin = doc.indexOf(BEGIN);
    int end = doc.indexOf(END);
    assertThat(begin).as("%s marks its generated part with %s", DOC, BEGIN).isNotNegative();
    String current = doc.substring(begin + BEGIN.length(), end);
    if (Boolean.getBoolean("flops.docs.write")) {
      Files.writeString(DOC, doc.substring(0, begin + BEGIN.length()) + table + doc.substring(end));
      return;
    }
    assertThat(current)
        .as(
            "%s is out of date; rewrite it with ./mvnw -pl flops-manager test"
                + " -Dtest=ConfigurationReferenceTest -Dflops.docs.write=true",
            DOC)
        .isEqualTo(table);
  }

  private static JsonNode metadata() throws Exception {
    try (InputStream in =
        ConfigurationReferenceTest.class.getResourceAsStream(
            "/META-INF/spring-configuration-metadata.json")) {
      assertThat(in).as("the configuration processor's metadata").isNotNull();
      return new ObjectMapper().readTree(in);
    }
  }

  /** The Markdown table of every {@code flops.*} property, sorted by name. */
  static String table(JsonNode metadata) {
    List<JsonNode> properties = new ArrayList<>();
    metadata.path("properties").forEach(properties::add);
    StringBuilder table =
        new StringBuilder("\n\n| property | type | default | meaning |\n|---|---|---|---|\n");
    properties.stream()
        .filter(p -> p.path("name").asText().startsWith("flops."))
        .sorted((a, b) -> a.path("name").asText().compareTo(b.path("name").asText()))
        .forEach(
            p ->
                table
                    .append("| `")
                    .append(p.path("name").asText())
                    .append("` | ")
                    .append(type(p.path("type").asText()))
                    .append(" | ")
                    .append(value(p.path("defaultValue")))
                    .append(" | ")
                    .append(text(p.path("description").asText()))
                    .append(" |\n"));
    return table.append("\n").toString();
  }

  private static String type(String javaType) {
    String simple = javaType.replaceAll("[a-z0-9_]+\\.", "").replace('$', '.');
    return simple.replace("<", "&lt;").replace(">", "&gt;");
  }

  private static String value(JsonNode value) {
    if (value.isMissingNode() || value.isNull()) {
      return "";
    }
    String text = value.isArray() ? value.toString() : value.asText();
    return text.isEmpty() ? "empty" : "`" + text + "`";
  }

  private static String text(String javadoc) {
    return javadoc
        .replaceAll("\\{@code ([^}]*)}", "`$1`")
        .replaceAll("\\{@link #?([^}]*)}", "`$1`")
        .replace("|", "\\|")
        .replaceAll("\\s+", " ")
        .trim();
  }
}
