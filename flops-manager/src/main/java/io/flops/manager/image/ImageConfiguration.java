package io.flops.manager.image;

import io.flops.common.image.LocalImageStore;
import io.flops.common.image.catalog.ImageCatalog;
import io.flops.common.image.catalog.LocalImageCatalog;
import io.flops.common.image.catalog.RegistryImageCatalog;
import io.flops.common.image.registry.RegistryClient;
import io.flops.common.orchestration.Locality;
import io.flops.common.orchestration.Orchestrator;
import io.flops.manager.config.FlopsProperties;
import io.flops.manager.config.LifecycleProperties;
import io.flops.manager.config.RepositoriesProperties;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The image catalog (the registry in {@code flops.registry}, else the local image store under
 * {@code <data-dir>/images}) and the Git commit look-up.
 */
@Configuration(proxyBeanMethods = false)
public class ImageConfiguration {

  @Bean
  LocalImageStore localImageStore(FlopsProperties properties) {
    return new LocalImageStore(
        properties.getDataDir().toAbsolutePath().normalize().resolve("images"));
  }

  @Bean
  ImageCatalog imageCatalog(
      FlopsProperties properties, LifecycleProperties lifecycle, LocalImageStore localImageStore) {
    return properties.getRegistry().isBlank()
        ? new LocalImageCatalog(localImageStore)
        : new RegistryImageCatalog(
            new RegistryClient(
                properties.getRegistry(),
                properties.registryIsPlainHttp(),
                lifecycle.getLookupTimeout()));
  }

  /**
   * {@code <data-dir>/repos} and the configured folders; loopback and link-local hosts refused in
   * production unless configured otherwise.
   */
  @Bean
  RepositoryPolicy repositoryPolicy(
      FlopsProperties flops, RepositoriesProperties repositories, Orchestrator orchestrator) {
    List<Path> roots = new ArrayList<>(repositories.getAllowedFileRoots());
    roots.add(flops.getDataDir().resolve("repos"));
    boolean denyLocalHosts =
        repositories.getDenyLocalHosts() != null
            ? repositories.getDenyLocalHosts()
            : orchestrator.locality() == Locality.CLUSTER;
    return new RepositoryPolicy(
        roots, denyLocalHosts, repositories.getAllowedSchemes(), repositories.getDeniedNetworks());
  }

  @Bean
  CommitLookup commitLookup(LifecycleProperties lifecycle) {
    return new CommitLookup(lifecycle.getLookupTimeout());
  }
}
