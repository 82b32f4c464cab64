package io.flops.manager.deploy;

import io.flops.common.orchestration.Orchestrator;
import io.flops.common.tls.ParticipantAuthority;
import io.flops.manager.config.FlopsProperties;
import io.flops.manager.config.ImagesProperties;
import io.flops.manager.config.InferenceProperties;
import io.flops.manager.config.LifecycleProperties;
import io.flops.manager.config.TlsProperties;
import io.flops.manager.config.TrackingProperties;
import io.flops.manager.mqtt.ServiceLaunches;
import io.flops.manager.nodes.DataServerCertificates;
import io.flops.manager.nodes.DataServerTokens;
import io.flops.manager.nodes.NodeDirectory;
import io.flops.manager.project.ObservatoryRepository;
import io.flops.manager.project.ProjectStore;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires what deploys a project's services: their specs, the observatories, tracking servers. */
@Configuration(proxyBeanMethods = false)
public class DeployConfiguration {

  @Bean
  TrainingCheckpoints trainingCheckpoints(FlopsProperties flops, Orchestrator orchestrator) {
    return new TrainingCheckpoints(
        flops.getDataDir(), orchestrator.locality(), orchestrator.keepsVolumes());
  }

  /** The installation's authority in {@code <data-dir>/ca}, or plaintext when TLS is off. */
  @Bean
  ParticipantCertificates participantCertificates(FlopsProperties flops, TlsProperties tls) {
    if (!tls.isEnabled()) {
      return ParticipantCertificates.PLAINTEXT;
    }
    return authority(flops)::issue;
  }

  /** The data servers' certificates of the same authority, or plaintext when TLS is off. */
  @Bean
  DataServerCertificates dataServerCertificates(FlopsProperties flops, TlsProperties tls) {
    return tls.isEnabled()
        ? DataServerCertificates.of(authority(flops))
        : DataServerCertificates.PLAINTEXT;
  }

  /**
   * HTTPS for observers and inference servers with certificates of the same authority ({@code
   * flops.tls.web-enabled}), and the inference token ({@code flops.inference.token-required}).
   */
  @Bean
  WebServers webServers(
      FlopsProperties flops,
      TlsProperties tls,
      InferenceProperties inference,
      ServiceLaunches launches) {
    ParticipantAuthority authority = tls.isWebEnabled() ? authority(flops) : null;
    return new WebServers(authority, tls.getWebHosts(), inference.isTokenRequired(), launches);
  }

  /** The installation's authority, kept in {@code <data-dir>/ca}. */
  static ParticipantAuthority authority(FlopsProperties flops) {
    return ParticipantAuthority.in(flops.getDataDir().toAbsolutePath().normalize().resolve("ca"));
  }

  @Bean
  ServiceSpecs serviceSpecs(
      FlopsProperties flops,
      ImagesProperties images,
      TrackingProperties tracking,
      ServiceLaunches launches,
      ParticipantCertificates certificates,
      DataServerTokens dataTokens,
      DataServerCertificates dataCertificates,
      Orchestrator orchestrator,
      NodeDirectory nodes,
      TrainingCheckpoints checkpoints,
      WebServers web) {
    return new ServiceSpecs(
        flops,
        images,
        tracking,
        launches,
        certificates,
        dataTokens,
        dataCertificates,
        orchestrator.locality(),
        nodes,
        checkpoints,
        web);
  }

  @Bean
  Observatories observatories(Orchestrator orchestrator, ObservatoryRepository repository) {
    return new Observatories(orchestrator, repository);
  }

  @Bean
  TrackingServers trackingServers(
      Orchestrator orchestrator,
      Observatories observatories,
      FlopsProperties flops,
      TrackingProperties tracking) {
    return new TrackingServers(
        orchestrator, observatories, flops, tracking, orchestrator.locality().sharesHostFiles());
  }

  @Bean
  ProjectDeployer projectDeployer(
      Orchestrator orchestrator,
      ProjectStore store,
      ServiceSpecs specs,
      Observatories observatories,
      LifecycleProperties lifecycle,
      TrainingCheckpoints checkpoints,
      Clock clock) {
    return new ProjectDeployer(
        orchestrator,
        store,
        specs,
        observatories,
        checkpoints,
        lifecycle.getObserverGrace(),
        clock);
  }
}
