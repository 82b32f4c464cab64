package io.flops.common.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Podman preflight passes on a machine that {@code .ci/install} set up, and names the missing
 * Debian package when the network stack is broken the way a fresh machine breaks it.
 */
class PodmanPreflightIT {

  @TempDir Path dir;

  @Test
  void containersRunOnABridgeNetworkAndFindEachOtherByName() throws Exception {
    Path conf = PodmanService.containersConf(dir, List.of());

    assertThat(PodmanPreflight.problem(conf, dir, Map.of())).isEmpty();
  }

  @Test
  void withoutIptablesTheSentenceNamesIptables() throws Exception {
    Path conf = PodmanService.containersConf(dir, List.of());
    Path pathWithoutIptables = Files.createDirectories(dir.resolve("empty-path"));

    String problem =
        PodmanPreflight.problem(conf, dir, Map.of("PATH", pathWithoutIptables.toString()));

    assertThat(problem)
        .startsWith("Podman cannot create bridge networks: netavark needs iptables")
        .contains("(apt-get install iptables)");
  }

  @Test
  void withoutAardvarkDnsTheSentenceNamesAardvarkDns() throws Exception {
    Path helpers = Files.createDirectories(dir.resolve("helpers"));
    for (String helper : List.of("netavark", "rootlessport")) {
      Files.createSymbolicLink(helpers.resolve(helper), Path.of("/usr/lib/podman", helper));
    }
    Path conf =
        PodmanService.containersConf(dir, List.of("helper_binaries_dir = [\"" + helpers + "\"]"));

    String problem = PodmanPreflight.problem(conf, dir, Map.of());

    assertThat(problem)
        .startsWith("Containers on a Podman network cannot resolve each other's names")
        .contains("(apt-get install aardvark-dns)");
  }
}
