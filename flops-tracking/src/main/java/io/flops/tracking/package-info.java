/**
 * Experiment tracking in MLflow: the {@link io.flops.tracking.ExperimentTracker} port, with an
 * adapter for an MLflow tracking server (REST, artifacts through the artifact proxy) and one that
 * writes MLflow's file-store layout.
 */
package io.flops.tracking;
