package io.flops.manager.nodes;

import static org.assertj.core.api.Assertions.assertThat;

import io.flops.common.api.DataTagView;
import io.flops.common.api.NodeView;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The node listing shows a data server once it answered, and what it holds. */
class NodeDirectoryTest {

  private final Map<String, List<DataTagView>> answers = new HashMap<>();
  private final DataServerProbe probe =
      new DataServerProbe() {
        @Override
        public Optional<List<DataTagView>> tags(String httpAddress) {
          return Optional.ofNullable(answers.get(httpAddress));
        }
      };

  private final NodeDirectory directory = new NodeDirectory();

  @Test
  void aDataServerAppearsOnceItAnsweredAndStaysListedWithItsLastAnswer() {
    directory.register(
        List.of(
            new LearnerNode("local-1", "0", "127.0.0.1:4001", "127.0.0.1:4001", "127.0.0.1:5001"),
            new LearnerNode("local-2", "1", "127.0.0.1:4002", "127.0.0.1:4002", "127.0.0.1:5002")));
    DataTagView mnist = new DataTagView("mnist", 2, 30_000, 4_000_000);
    answers.put("127.0.0.1:5001", List.of(mnist));

    directory.refresh(probe);

    List<NodeView> nodes = directory.views();
    assertThat(nodes).extracting(NodeView::node).containsExactly("0", "1");
    assertThat(nodes.get(0).cluster()).isEqualTo("local-1");
    assertThat(nodes.get(0).dataServer().ready()).isTrue();
    assertThat(nodes.get(0).dataServer().address()).isEqualTo("127.0.0.1:4001");
    assertThat(nodes.get(0).dataServer().tags()).containsExactly(mnist);
    assertThat(nodes.get(1).dataServer()).as("never answered").isNull();

    answers.remove("127.0.0.1:5001");
    directory.refresh(probe);

    assertThat(directory.views().get(0).dataServer().ready()).isFalse();
    assertThat(directory.views().get(0).dataServer().tags()).containsExactly(mnist);
  }

  @Test
  void withoutKnownNodesLearnersArePlacedByThePlatform() {
    assertThat(directory.learnerPlacements(null, 3)).isEmpty();
    assertThat(directory.dataServers()).isEmpty();
  }
}
