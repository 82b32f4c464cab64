package io.flops.manager.deploy;

import io.flops.common.launch.TlsLaunch;

/**
 * The TLS identity the manager gives each FL participant (aggregator, learners) of a project: a
 * fresh certificate of the installation's authority for that project ({@code
 * io.flops.common.tls.ParticipantAuthority}), or {@link #PLAINTEXT}.
 */
@FunctionalInterface
public interface ParticipantCertificates {

  /** No TLS between participants ({@code flops.tls.enabled=false}). */
  ParticipantCertificates PLAINTEXT = (projectId, participant) -> TlsLaunch.NONE;

  /** A new identity for {@code participant} (e.g. {@code aggregator}) of {@code projectId}. */
  TlsLaunch issue(String projectId, String participant);
}
