package io.flops.builder.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.flops.builder.plan.BuildFailure;
import io.flops.common.sla.Platform;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlatformDependenciesTest {

  @TempDir Path repo;

  @Test
  void sharesPlainJarsAndGivesEachPlatformItsOwnNatives() throws Exception {
    Path api = jar("org/nd4j/nd4j-api/1.0/nd4j-api-1.0.jar");
    jar("org/nd4j/nd4j-native/1.0/nd4j-native-1.0.jar");
    Path x86 = jar("org/nd4j/nd4j-native/1.0/nd4j-native-1.0-linux-x86_64.jar");
    Path windows = jar("org/bytedeco/openblas/0.3/openblas-0.3-windows-x86_64.jar");
    Path arm = repo.resolve("org/nd4j/nd4j-native/1.0/nd4j-native-1.0-linux-arm64.jar");
    Files.writeString(arm, "arm");
    List<String> asked = new ArrayList<>();

    PlatformDependencies split =
        PlatformDependencies.split(
            List.of(
                api, repo.resolve("org/nd4j/nd4j-native/1.0/nd4j-native-1.0.jar"), x86, windows),
            repo,
            List.of(Platform.LINUX_AMD64, Platform.LINUX_ARM64),
            (jar, classifier) -> {
              asked.add(jar.gav() + " -> " + classifier);
              return Optional.of(arm);
            });

    assertThat(split.shared()).hasSize(2).contains(api).doesNotContain(x86, windows);
    assertThat(split.natives().get(Platform.LINUX_AMD64)).containsExactly(x86);
    assertThat(split.natives().get(Platform.LINUX_ARM64)).containsExactly(arm);
    assertThat(asked).containsExactly("org.nd4j:nd4j-native:1.0:linux-x86_64 -> linux-arm64");
  }

  @Test
  void namesTheArtifactThatHasNoBuildForAPlatform() throws Exception {
    Path x86 = jar("org/bytedeco/javacpp/1.5/javacpp-1.5-linux-x86_64.jar");
    assertThatThrownBy(
            () ->
                PlatformDependencies.split(
                    List.of(x86),
                    repo,
                    List.of(Platform.LINUX_ARM64),
                    (jar, c) -> Optional.empty()))
        .isInstanceOf(BuildFailure.class)
        .hasMessage(
            "There is no linux/arm64 build of org.bytedeco:javacpp:1.5 (classifier linux-arm64);"
                + " drop linux/arm64 from the SLA's supported_platforms.");
  }

  @Test
  void readsCoordinatesFromTheRepositoryLayout() throws Exception {
    Path file = jar("org/bytedeco/openblas/0.3.19-1.5.7/openblas-0.3.19-1.5.7-linux-x86_64.jar");
    JarCoordinates jar = JarCoordinates.of(repo, file).orElseThrow();
    assertThat(jar.gav()).isEqualTo("org.bytedeco:openblas:0.3.19-1.5.7:linux-x86_64");
    assertThat(jar.isNative()).isTrue();
    assertThat(NativeClassifiers.matches(jar.classifier(), Platform.LINUX_AMD64)).isTrue();
    assertThat(NativeClassifiers.matches(jar.classifier(), Platform.LINUX_ARM64)).isFalse();
  }

  private Path jar(String relative) throws Exception {
    Path file = repo.resolve(relative);
    Files.createDirectories(file.getParent());
    return Files.writeString(file, relative);
  }
}
