/**
 * The certificate authority of a FLOps installation: it issues every FL participant (aggregator,
 * learner) a certificate for its project, so that participants speak mutual TLS and nobody without
 * such a certificate joins a training, and, where configured, each project's web servers (observer,
 * inference server) a server certificate for HTTPS. Used by the manager (and by tests that need
 * real certificates); the services themselves only read the PEM they are given ({@link
 * io.flops.common.tls.web.HttpsServer}, {@link io.flops.common.tls.CaTrust}).
 */
package io.flops.common.tls;
