package io.flops.manager.orchestration.docker;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HostDirectoriesTest {

  @TempDir Path dir;

  @Test
  void missingDirectoriesTakeTheirNearestAncestorsPermissions() throws Exception {
    Path data = Files.createDirectories(dir.resolve("data"));
    Files.setPosixFilePermissions(data, PosixFilePermissions.fromString("rwxrwxrwx"));

    Path cache = HostDirectories.ensure(data.resolve("builder-cache/runtime"));

    assertThat(cache).isDirectory();
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(cache)))
        .isEqualTo("rwxrwxrwx");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(cache.getParent())))
        .isEqualTo("rwxrwxrwx");
  }

  @Test
  void anExistingDirectoryKeepsItsPermissions() throws Exception {
    Path data = Files.createDirectories(dir.resolve("data"));
    Files.setPosixFilePermissions(data, PosixFilePermissions.fromString("rwxrwxrwx"));
    Path closed = Files.createDirectories(data.resolve("closed"));
    Files.setPosixFilePermissions(closed, PosixFilePermissions.fromString("rwx------"));

    HostDirectories.ensure(closed);

    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(closed)))
        .isEqualTo("rwx------");
  }
}
