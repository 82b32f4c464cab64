package io.flops.manager.orchestration.local;

import io.flops.common.image.LocalImageStore;
import io.flops.common.orchestration.Placement;
import io.flops.common.orchestration.Resources;
import io.flops.common.orchestration.ServiceKind;
import io.flops.common.orchestration.ServiceSpec;
import io.flops.manager.orchestration.OrchestratorProperties;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** A local orchestrator over a temporary image store holding the test application's image. */
final class LocalFixture {

  private LocalFixture() {}

  static OrchestratorProperties.Local settings(Path dir) {
    OrchestratorProperties.Local local = new OrchestratorProperties.Local();
    local.setImageStore(dir.resolve("images"));
    local.setImageCache(dir.resolve("image-cache"));
    local.setWorkDir(dir.resolve("services"));
    local.setHome(dir.resolve("home"));
    local.setClusters(2);
    local.setStopTimeout(Duration.ofSeconds(5));
    local.setJavaOptions(List.of("-Xshare:auto", "-XX:TieredStopAtLevel=1"));
    return local;
  }

  static LocalProcessOrchestrator create(Path dir) throws Exception {
    OrchestratorProperties.Local local = settings(dir);
    TestImages.buildTestService(new LocalImageStore(local.getImageStore()), dir.resolve("jib"));
    return LocalOrchestratorConfiguration.create(local);
  }

  static ServiceSpec spec(
      String name,
      ServiceKind kind,
      Map<String, String> env,
      List<Integer> ports,
      boolean oneShot) {
    return spec(name, kind, env, ports, oneShot, Placement.ANYWHERE, 1);
  }

  static ServiceSpec spec(
      String name,
      ServiceKind kind,
      Map<String, String> env,
      List<Integer> ports,
      boolean oneShot,
      Placement placement,
      int instances) {
    return new ServiceSpec(
        name,
        kind,
        "test",
        "p1",
        TestImages.TEST_SERVICE,
        List.of(),
        env,
        ports,
        new Resources(64, 1, 0),
        placement,
        oneShot,
        false,
        instances);
  }
}
