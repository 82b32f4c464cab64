package io.flops.common.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * A node's ML data server (Arrow Flight) as the manager last saw it.
 *
 * @param address {@code host:port} where the node's services reach it
 * @param publicAddress {@code host:port} where a user outside the platform reaches it (for pushing
 *     data), when the platform publishes one
 * @param ready whether it answered the manager's last health check
 * @param tags what it holds, per data tag, from its last answer
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DataServerView(
    @JsonProperty("address") String address,
    @JsonProperty("public_address") String publicAddress,
    @JsonProperty("ready") boolean ready,
    @JsonProperty("tags") List<DataTagView> tags) {

  public DataServerView {
    tags = tags == null ? List.of() : List.copyOf(tags);
  }
}
