package io.flops.cli.init;

import static org.assertj.core.api.Assertions.assertThat;

import io.flops.cli.CliRun;
import io.flops.cli.command.ExitCode;
import io.flops.common.sla.ProjectSla;
import io.flops.common.sla.SlaJson;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** flops init writes a complete repository (InitIT compiles and tests it with Maven). */
class InitCommandTest {

  @TempDir Path dir;

  @ParameterizedTest
  @EnumSource(Template.class)
  void writesEveryFileWithEveryPlaceholderFilled(Template template) throws Exception {
    Path repo = dir.resolve("My Model");

    CliRun run = CliRun.of("init", repo.toString(), "--template", template.id());

    assertThat(run.exitCode()).isZero();
    String pkg = "src/main/java/org/example/mymodel/";
    assertThat(repo.resolve(pkg + template.modelClass() + ".java")).exists();
    assertThat(repo.resolve(pkg + template.dataClass() + ".java")).exists();
    assertThat(repo.resolve("src/test/java/org/example/mymodel/FederatedSmokeTest.java")).exists();
    assertThat(repo.resolve("src/main/resources/META-INF/services/io.flops.mlapi.ModelManager"))
        .content()
        .isEqualToIgnoringNewLines("org.example.mymodel." + template.modelClass());
    assertThat(repo.resolve(".gitignore")).content().contains("target/");
    try (Stream<Path> files = Files.walk(repo)) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        assertThat(Files.readString(file)).as(file.toString()).doesNotContain("{{");
      }
    }
    assertThat(run.out())
        .contains("Created " + repo.toAbsolutePath())
        .contains("./mvnw -pl flops-ml-api -am install -DskipTests")
        .contains("flops submit " + repo.toAbsolutePath() + "/sla.json --repo");
  }

  @ParameterizedTest
  @EnumSource(Template.class)
  void thePomPinsFlopsVersionsAndTheSlaIsAValidProjectSla(Template template) throws Exception {
    Path repo = dir.resolve(template.id());
    new Scaffold(template, "com.acme", "digits", "com.acme.digits").writeTo(repo);

    String pom = Files.readString(repo.resolve("pom.xml"));
    ProjectSla sla = SlaJson.readProject(Files.readAllBytes(repo.resolve("sla.json")));

    assertThat(pom)
        .contains("<groupId>com.acme</groupId>", "<artifactId>digits</artifactId>")
        .contains("<flops.version>" + Scaffold.versions().get("flopsVersion") + "</flops.version>")
        .contains("<dl4j.version>1.0.0-M2.1</dl4j.version>")
        .contains("<maven.compiler.release>17</maven.compiler.release>")
        .contains("<artifactId>maven-resources-plugin</artifactId>")
        .contains("<artifactId>maven-surefire-plugin</artifactId>");
    assertThat(sla.trainingConfiguration().dataTags()).containsExactly(template.dataTag());
    assertThat(sla.resourceConstraints().memory()).isEqualTo(template.memoryMb());
  }

  @Test
  void aNonEmptyDirectoryOrABadPackageIsAUsageError() throws Exception {
    Files.writeString(dir.resolve("README.md"), "mine");

    CliRun full = CliRun.of("init", dir.toString());
    CliRun badPackage = CliRun.of("init", dir.resolve("x").toString(), "--package", "1bad.pkg");

    assertThat(full.exitCode()).isEqualTo(ExitCode.USAGE.code());
    assertThat(full.err()).contains("is not empty");
    assertThat(badPackage.exitCode()).isEqualTo(ExitCode.USAGE.code());
    assertThat(dir.resolve("x")).doesNotExist();
  }
}
