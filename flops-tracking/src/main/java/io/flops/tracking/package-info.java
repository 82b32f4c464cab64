/**
 * Experiment tracking in MLflow: the {@link io.flops.tracking.ExperimentTracker} port, chosen by
 * {@link io.flops.tracking.TrackerFactory} from the tracking URI, with an adapter for an MLflow
 * tracking server ({@code server}: REST through MLflow's Java client, artifacts through the
 * artifact proxy, an ordered outage buffer) and one that writes MLflow's file-store layout ({@code
 * filestore}). {@code mlmodel} writes MLflow model directories; {@code project} encodes what the
 * aggregator tracks.
 */
package io.flops.tracking;
