package io.flops.manager.orchestration.local;

import io.flops.common.image.ImageUnpacker;
import io.flops.common.image.LocalImageStore;
import io.flops.manager.config.FlopsProperties;
import io.flops.manager.orchestration.OrchestratorProperties;
import java.nio.file.Path;
import java.util.Map;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The local-process orchestrator, used when {@code flops.orchestrator.type} is unset or local. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(
    prefix = "flops.orchestrator",
    name = "type",
    havingValue = "local",
    matchIfMissing = true)
public class LocalOrchestratorConfiguration {

  @Bean(destroyMethod = "close")
  LocalProcessOrchestrator localProcessOrchestrator(
      OrchestratorProperties properties, FlopsProperties flops) {
    return create(properties.getLocal().withDirectoriesUnder(flops.getDataDir()));
  }

  /** Builds the orchestrator from its settings (also used by tests and the demo). */
  public static LocalProcessOrchestrator create(OrchestratorProperties.Local local) {
    return create(local, System.getenv());
  }

  /** The orchestrator, its children inheriting only the harmless part of {@code host}. */
  public static LocalProcessOrchestrator create(
      OrchestratorProperties.Local local, Map<String, String> host) {
    local.withDirectoriesUnder(Path.of(".flops"));
    LocalImageStore store = new LocalImageStore(local.getImageStore());
    LaunchResolver resolver =
        new LaunchResolver(
            store,
            new ImageUnpacker(store, local.getImageCache()),
            local.getHome(),
            local.getServiceJars());
    return new LocalProcessOrchestrator(
        resolver,
        local.getWorkDir(),
        local.getClusters(),
        local.getStopTimeout(),
        local.getJavaOptions(),
        host);
  }
}
