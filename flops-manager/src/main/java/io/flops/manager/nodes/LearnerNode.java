package io.flops.manager.nodes;

/**
 * A learner node the manager knows, with the addresses of its ML data server.
 *
 * @param cluster the cluster it belongs to
 * @param name its name (simulated nodes: their index, {@code 0}, {@code 1}, ...)
 * @param dataServer {@code host:port} of its data server's Arrow Flight port, as the node's
 *     services reach it
 * @param publicDataServer the same as a user outside the platform reaches it
 * @param dataServerHttp {@code host:port} of the data server's HTTP port (health, tags), as the
 *     manager reaches it
 */
public record LearnerNode(
    String cluster,
    String name,
    String dataServer,
    String publicDataServer,
    String dataServerHttp) {}
