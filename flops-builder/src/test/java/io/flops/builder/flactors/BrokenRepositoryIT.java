package io.flops.builder.flactors;

import static org.assertj.core.api.Assertions.assertThat;

import io.flops.builder.support.BuilderRun;
import io.flops.builder.support.FixtureRuntime;
import io.flops.builder.support.TestRepos;
import io.flops.common.events.ComponentEvent;
import io.flops.common.testsupport.ExternalServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Broken repositories fail with one readable sentence, exit code 1 and a {@code failed} event,
 * before any image is built.
 */
class BrokenRepositoryIT {

  private static final String MAIN = "src/main/java/org/example/mini/";

  @TempDir static Path tmp;
  private static Path learner;
  private static Path aggregator;

  @BeforeAll
  static void runtime() throws Exception {
    learner = FixtureRuntime.jar(tmp, "learner");
    aggregator = FixtureRuntime.jar(tmp, "aggregator");
  }

  @Test
  void unreachableUrl() {
    String url = "http://127.0.0.1:" + ExternalServer.freePort() + "/owner/nothing.git";
    assertFailsWith(build(url, ""), "Cannot reach the repository " + url);
  }

  @Test
  void noPom() throws Exception {
    Path repo =
        TestRepos.create(
            "dl4j-mini", tmp.resolve("no-pom"), r -> Files.delete(r.resolve("pom.xml")));
    assertFailsWith(build(TestRepos.url(repo), ""), "The repository has no pom.xml at its root");
  }

  @Test
  void compileError() throws Exception {
    Path repo =
        TestRepos.create(
            "dl4j-mini",
            tmp.resolve("compile-error"),
            r ->
                Files.writeString(
                    r.resolve(MAIN + "Hyper.java"),
                    Files.readString(r.resolve(MAIN + "Hyper.java"))
                        .replace("int HIDDEN = 16;", "int HIDDEN = \"sixteen\";")));
    BuilderRun run = build(TestRepos.url(repo), "");
    assertFailsWith(run, "The repository does not compile: " + MAIN + "Hyper.java:");
    assertThat(failure(run)).contains("incompatible types").doesNotContain("[INFO]");
  }

  @Test
  void noModelManager() throws Exception {
    Path repo =
        TestRepos.create(
            "dl4j-mini",
            tmp.resolve("no-model-manager"),
            r ->
                Files.delete(
                    r.resolve("src/main/resources/META-INF/services/io.flops.mlapi.ModelManager")));
    assertFailsWith(build(TestRepos.url(repo), ""), "The repository registers no ModelManager");
  }

  @Test
  void unknownBranch() throws Exception {
    Path repo = TestRepos.create("dl4j-mini", tmp.resolve("unknown-branch"));
    assertFailsWith(
        build(TestRepos.url(repo), "no-such-branch"),
        "has no branch, tag or commit named 'no-such-branch'");
  }

  private static BuilderRun build(String url, String branch) {
    Map<String, String> properties = new HashMap<>();
    properties.put("flops.project-id", "broken");
    properties.put("flops.builder.repo-url", url);
    properties.put("flops.builder.repo-branch", branch);
    properties.put("flops.builder.local-image-store", tmp.resolve("store").toString());
    properties.put("flops.builder.base-image", "scratch");
    properties.put("flops.builder.work-dir", tmp.resolve("work").toString());
    properties.put("flops.builder.cache-dir", tmp.resolve("jib").toString());
    properties.put("flops.builder.runtime.learner", learner.toString());
    properties.put("flops.builder.runtime.aggregator", aggregator.toString());
    properties.put(
        "flops.builder.maven.command",
        Path.of("..", "mvnw").toAbsolutePath().normalize().toString());
    return BuilderRun.run(properties);
  }

  private static String failure(BuilderRun run) {
    return run.events().componentEvents.stream()
        .filter(ComponentEvent.BuilderFailed.class::isInstance)
        .map(e -> ((ComponentEvent.BuilderFailed) e).errorMessage())
        .findFirst()
        .orElseThrow();
  }

  private static void assertFailsWith(BuilderRun run, String expected) {
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.events().componentEvents)
        .first()
        .isInstanceOf(ComponentEvent.BuilderStarted.class);
    String message = failure(run);
    assertThat(message).contains(expected).doesNotContain("\n").doesNotContain("Exception");
    assertThat(message.length()).isLessThan(400);
    assertThat(run.events().componentEvents)
        .noneMatch(ComponentEvent.BuilderSucceeded.class::isInstance);
  }
}
