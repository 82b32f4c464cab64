package io.flops.common.orchestration;

/** What a service is, so adapters can label, place and clean it up. */
public enum ServiceKind {
  PROJECT_OBSERVER,
  TRACKING_SERVER,
  IMAGE_BUILDER,
  AGGREGATOR,
  LEARNER,
  MOCK_DATA_PROVIDER,
  INFERENCE_SERVER,
  DATA_SERVER
}
