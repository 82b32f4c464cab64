package io.flops.cli.project;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each submission of a directory is a fresh snapshot; the same content is the same commit. */
class RepoSnapshotTest {

  @TempDir Path dir;

  @Test
  void aChangedDirectoryReplacesTheSnapshotAndTheSameContentKeepsItsCommit() throws Exception {
    Path source = Files.createDirectories(dir.resolve("model"));
    Files.writeString(source.resolve("pom.xml"), "<project/>");
    Files.writeString(source.resolve("Old.java"), "class Old {}");
    Path snapshots = dir.resolve("snapshots");

    RepoSnapshot.Snapshot first = RepoSnapshot.take(source, snapshots);
    Files.delete(source.resolve("Old.java"));
    RepoSnapshot.Snapshot second = RepoSnapshot.take(source, snapshots);
    RepoSnapshot.Snapshot third = RepoSnapshot.take(source, snapshots);

    assertThat(first.url()).isEqualTo("file://" + snapshots.resolve("model"));
    assertThat(second.commit()).isNotEqualTo(first.commit()).isEqualTo(third.commit());
    assertThat(snapshots.resolve("model").resolve("Old.java")).doesNotExist();
  }

  @Test
  void aDirectoryItDidNotMakeIsNeverReplaced() throws Exception {
    Path source = Files.createDirectories(dir.resolve("model"));
    Path foreign = Files.createDirectories(dir.resolve("snapshots").resolve("model"));
    Files.writeString(foreign.resolve("keep.txt"), "mine");

    assertThatThrownBy(() -> RepoSnapshot.take(source, dir.resolve("snapshots")))
        .hasMessageContaining("is not a snapshot of flops submit");
    assertThat(foreign.resolve("keep.txt")).exists();
  }
}
