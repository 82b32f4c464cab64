/**
 * The certificate authority of a FLOps installation: it issues every FL participant (aggregator,
 * learner) a certificate for its project, so that participants speak mutual TLS and nobody without
 * such a certificate joins a training. Used by the manager (and by tests that need real
 * certificates); the participants themselves only read the PEM they are given.
 */
package io.flops.common.tls;
