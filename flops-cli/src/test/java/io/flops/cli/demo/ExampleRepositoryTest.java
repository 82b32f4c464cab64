package io.flops.cli.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The ML repository directory becomes a real Git repository the builder can clone. */
class ExampleRepositoryTest {

  @TempDir Path dir;

  @Test
  void commitsTheSourcesWithoutBuildOutputAndTheSameContentGivesTheSameCommit() throws Exception {
    Path source = dir.resolve("source");
    Files.createDirectories(source.resolve("src/main/java/a"));
    Files.createDirectories(source.resolve("target/classes"));
    Files.writeString(source.resolve("pom.xml"), "<project/>");
    Files.writeString(source.resolve("src/main/java/a/B.java"), "class B {}");
    Files.writeString(source.resolve("target/classes/B.class"), "binary");

    String url = ExampleRepository.commit(source, dir.resolve("one"));
    ExampleRepository.commit(source, dir.resolve("two"));

    assertThat(url).isEqualTo("file://" + dir.resolve("one").toAbsolutePath());
    try (Git one = Git.open(dir.resolve("one").toFile());
        Git two = Git.open(dir.resolve("two").toFile())) {
      ObjectId head = one.getRepository().resolve("HEAD");
      assertThat(head).isEqualTo(two.getRepository().resolve("HEAD"));
      assertThat(one.getRepository().getBranch()).isEqualTo("main");
      try (TreeWalk walk = new TreeWalk(one.getRepository())) {
        walk.addTree(one.getRepository().parseCommit(head).getTree());
        walk.setRecursive(true);
        StringBuilder files = new StringBuilder();
        while (walk.next()) {
          files.append(walk.getPathString()).append(' ');
        }
        assertThat(files.toString().trim()).isEqualTo("pom.xml src/main/java/a/B.java");
      }
    }
  }
}
