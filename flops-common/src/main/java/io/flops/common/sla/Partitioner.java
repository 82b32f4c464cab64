package io.flops.common.sla;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** How a mock data provider splits a data set over the data servers. */
public enum Partitioner implements JsonEnum.Named {
  /** Uniformly at random. */
  IID("iid"),
  /** Label skew drawn from a Dirichlet distribution with concentration {@code alpha}. */
  DIRICHLET("dirichlet"),
  /** Each partition holds only {@code labels_per_partition} labels. */
  LABELS("labels");

  private final String jsonName;

  Partitioner(String jsonName) {
    this.jsonName = jsonName;
  }

  @JsonValue
  @Override
  public String jsonName() {
    return jsonName;
  }

  @JsonCreator
  public static Partitioner of(String value) {
    return JsonEnum.parse(Partitioner.class, "partitioner", value);
  }
}
