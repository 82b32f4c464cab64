package io.flops.builder.flactors;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.flops.builder.plan.BuildFailure;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RepositoryContractTest {

  @TempDir Path repo;
  private final RepositoryContract contract = new RepositoryContract();

  @Test
  void namesEveryMissingPieceInOneSentenceEach() {
    assertThatThrownBy(() -> contract.checkSources(repo))
        .isInstanceOf(BuildFailure.class)
        .hasMessage(
            "The repository has no pom.xml at its root, so it is not a Maven project."
                + " The repository registers no ModelManager: add"
                + " src/main/resources/META-INF/services/io.flops.mlapi.ModelManager naming your"
                + " implementation."
                + " The repository registers no DataManager: add"
                + " src/main/resources/META-INF/services/io.flops.mlapi.DataManager naming your"
                + " implementation.");
  }

  @Test
  void acceptsAMavenProjectWithBothRegistrations() throws Exception {
    Files.writeString(repo.resolve("pom.xml"), "<project/>");
    service("src/main/resources/", "ModelManager", "# comment\na.Model\n");
    service("src/main/resources/", "DataManager", "a.Data");
    assertThatCode(() -> contract.checkSources(repo)).doesNotThrowAnyException();
  }

  @Test
  void requiresRegisteredImplementationsToBeCompiled() throws Exception {
    Path classes = repo.resolve("target/classes");
    service("target/classes/", "ModelManager", "a.Model");
    service("target/classes/", "DataManager", "a.Data");
    Files.createDirectories(classes.resolve("a"));
    Files.writeString(classes.resolve("a/Data.class"), "");
    assertThatThrownBy(() -> contract.checkClasses(classes))
        .hasMessage("The registered ModelManager a.Model is not a class of the repository.");
  }

  private void service(String root, String name, String content) throws Exception {
    Path file = repo.resolve(root + "META-INF/services/io.flops.mlapi." + name);
    Files.createDirectories(file.getParent());
    Files.writeString(file, content);
  }
}
