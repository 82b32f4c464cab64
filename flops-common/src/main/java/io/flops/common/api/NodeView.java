package io.flops.common.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A learner node as {@code GET /api/flops/nodes} lists it (docs/api.md): where it is and its ML
 * data server.
 *
 * @param cluster the cluster the node belongs to
 * @param node the node's name
 * @param dataServer the node's data server, or left out when the manager knows none
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record NodeView(
    @JsonProperty("cluster") String cluster,
    @JsonProperty("node") String node,
    @JsonProperty("data_server") DataServerView dataServer) {}
