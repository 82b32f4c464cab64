package io.flops.common.sla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;

class PlatformTest {

  @Test
  void parsesPlatformsLeniently() {
    assertThat(Platform.parse("linux/arm64/v8")).isEqualTo(Platform.LINUX_ARM64);
    assertThat(Platform.parse(" LINUX/AMD64 ")).isEqualTo(Platform.LINUX_AMD64);
    assertThatThrownBy(() -> Platform.parse("amd64")).hasMessageContaining("os/architecture");
    assertThatThrownBy(() -> Platform.parse("linux/s390x"))
        .hasMessage("Unsupported platform linux/s390x; allowed: [linux/amd64, linux/arm64].");
  }

  @Test
  void readsAndWritesItsJsonName() throws Exception {
    ObjectMapper json = new ObjectMapper();
    String written = json.writeValueAsString(List.of(Platform.LINUX_AMD64, Platform.LINUX_ARM64));

    assertThat(written).isEqualTo("[\"linux/amd64\",\"linux/arm64\"]");
    assertThat(json.readValue(written, Platform[].class))
        .containsExactly(Platform.LINUX_AMD64, Platform.LINUX_ARM64);
    assertThat(Platform.LINUX_ARM64).hasToString("linux/arm64");
    assertThatThrownBy(() -> Platform.of("LINUX/AMD64")).hasMessageContaining("allowed");
  }

  @Test
  void findsThePlatformOfAnImageConfig() {
    assertThat(Platform.find("linux", "arm64")).contains(Platform.LINUX_ARM64);
    assertThat(Platform.find("linux", "amd64").orElseThrow().os()).isEqualTo("linux");
    assertThat(Platform.find("unknown", "unknown")).isEmpty();
    assertThat(Platform.find("windows", "amd64")).isEmpty();
  }

  @Test
  void theHostIsLinuxOnItsOwnArchitecture() {
    assertThat(Platform.linuxOn("aarch64")).isEqualTo(Platform.LINUX_ARM64);
    assertThat(Platform.linuxOn("x86_64")).isEqualTo(Platform.LINUX_AMD64);
    assertThat(Platform.linuxOn("AMD64")).isEqualTo(Platform.LINUX_AMD64);
    assertThatThrownBy(() -> Platform.linuxOn("s390x")).hasMessageContaining("'s390x'");
    assertThat(Platform.host()).isIn(Platform.LINUX_AMD64, Platform.LINUX_ARM64);
  }
}
