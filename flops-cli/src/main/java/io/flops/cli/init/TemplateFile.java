package io.flops.cli.init;

import java.util.List;

/**
 * One file of a template: the resource it is read from ({@code templates/<group>/<name>.tmpl} in
 * this jar) and where it goes in the new repository ({@code {{packagePath}}} is the package's
 * directory).
 *
 * @param resource the resource path under {@code io/flops/cli/init/templates/}
 * @param target the path in the new repository, relative to its root
 */
record TemplateFile(String resource, String target) {

  private static final String MAIN = "src/main/java/{{packagePath}}/";
  private static final String TEST = "src/test/java/{{packagePath}}/";
  private static final String SERVICES = "src/main/resources/META-INF/services/io.flops.mlapi.";

  /** The files of every template. */
  static List<TemplateFile> common() {
    return List.of(
        new TemplateFile("common/pom.xml.tmpl", "pom.xml"),
        new TemplateFile("common/sla.json.tmpl", "sla.json"),
        new TemplateFile("common/README.md.tmpl", "README.md"),
        new TemplateFile("common/gitignore.tmpl", ".gitignore"),
        new TemplateFile("common/ModelManager.services.tmpl", SERVICES + "ModelManager"),
        new TemplateFile("common/DataManager.services.tmpl", SERVICES + "DataManager"),
        main("common", "LabeledData"),
        test("common", "FederatedSmokeTest"),
        test("common", "FedAvg"),
        test("common", "MemoryTable"),
        test("common", "MemoryData"));
  }

  /** A main class of {@code group}. */
  static TemplateFile main(String group, String className) {
    return new TemplateFile(group + "/" + className + ".java.tmpl", MAIN + className + ".java");
  }

  /** A test class of {@code group}. */
  static TemplateFile test(String group, String className) {
    return new TemplateFile(group + "/" + className + ".java.tmpl", TEST + className + ".java");
  }
}
