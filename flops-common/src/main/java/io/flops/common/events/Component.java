package io.flops.common.events;

/** The components that report to the manager, with their MQTT topic segment. */
public enum Component {
  PROJECT_OBSERVER("project_observer"),
  FL_ACTORS_IMAGE_BUILDER("fl_actors_image_builder"),
  TRAINED_MODEL_IMAGE_BUILDER("trained_model_image_builder"),
  AGGREGATOR("aggregator"),
  LEARNER("learner"),
  MOCK_DATA_PROVIDER("mock_data_provider");

  private final String topicSegment;

  Component(String topicSegment) {
    this.topicSegment = topicSegment;
  }

  public String topicSegment() {
    return topicSegment;
  }
}
