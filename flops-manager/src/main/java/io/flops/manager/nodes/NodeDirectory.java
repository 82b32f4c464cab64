package io.flops.manager.nodes;

import io.flops.common.api.DataServerView;
import io.flops.common.api.DataTagView;
import io.flops.common.api.NodeView;
import io.flops.common.launch.LearnerLaunch;
import io.flops.common.orchestration.InstancePlacement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The learner nodes the manager knows and their data servers: it places learner instances on them
 * (instance {@code k} on the {@code k}-th node, of the learners' cluster when they have one, with
 * that node's data server) and tells users what each data server holds. A data server is reported
 * once it answered.
 */
public class NodeDirectory {

  private volatile List<LearnerNode> nodes = List.of();
  private final Map<String, List<DataTagView>> answers = new ConcurrentHashMap<>();
  private final Map<String, Boolean> ready = new ConcurrentHashMap<>();

  /** Replaces the known nodes (their data servers' answers are kept by node name). */
  public void register(List<LearnerNode> known) {
    nodes = List.copyOf(known);
  }

  /** Every known node, in order. */
  public List<LearnerNode> nodes() {
    return nodes;
  }

  /** The nodes of {@code cluster}, or all of them for null. */
  public List<LearnerNode> nodesOf(String cluster) {
    return cluster == null
        ? nodes
        : nodes.stream().filter(node -> node.cluster().equals(cluster)).toList();
  }

  /**
   * Where {@code count} learners of {@code cluster} (null: any) run: instance {@code k} on the
   * {@code k}-th node (wrapping around) with its data server; empty when no node is known (the
   * platform places them and their data server is the learners' default).
   */
  public List<InstancePlacement> learnerPlacements(String cluster, int count) {
    List<LearnerNode> candidates = nodesOf(cluster);
    if (candidates.isEmpty()) {
      return List.of();
    }
    List<InstancePlacement> placements = new ArrayList<>();
    for (int k = 0; k < count; k++) {
      LearnerNode node = candidates.get(k % candidates.size());
      placements.add(
          new InstancePlacement(
              node.cluster(),
              node.name(),
              Map.of(LearnerLaunch.Variable.DATA_SERVER.envName(), node.dataServer())));
    }
    return placements;
  }

  /** The data servers of every node, in node order, as services reach them. */
  public List<String> dataServers() {
    return nodes.stream().map(LearnerNode::dataServer).toList();
  }

  /** Asks every data server what it holds. */
  public void refresh(DataServerProbe probe) {
    for (LearnerNode node : nodes) {
      Optional<List<DataTagView>> tags = probe.tags(node.dataServerHttp());
      tags.ifPresent(answer -> answers.put(node.name(), answer));
      ready.put(node.name(), tags.isPresent());
    }
  }

  /** The nodes as the API shows them; a data server appears once it answered. */
  public List<NodeView> views() {
    return nodes.stream()
        .map(
            node ->
                new NodeView(
                    node.cluster(),
                    node.name(),
                    answers.containsKey(node.name())
                        ? new DataServerView(
                            node.dataServer(),
                            node.publicDataServer(),
                            ready.getOrDefault(node.name(), false),
                            answers.get(node.name()))
                        : null))
        .toList();
  }
}
