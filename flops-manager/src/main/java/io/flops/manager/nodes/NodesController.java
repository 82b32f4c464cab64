package io.flops.manager.nodes;

import io.flops.common.api.NodeView;
import io.swagger.v3.oas.annotations.Operation;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/flops/nodes}: the learner nodes, their data servers and what they hold. */
@RestController
@RequestMapping("/api/flops/nodes")
public class NodesController {

  private final NodeDirectory directory;

  public NodesController(NodeDirectory directory) {
    this.directory = directory;
  }

  @Operation(
      summary = "The learner nodes and their data servers",
      description =
          "Clusters, nodes, their ML data servers (addresses, whether they answered the manager's"
              + " last check) and what each holds per data tag. A data server appears once it"
              + " answered.")
  @GetMapping(path = {"", "/"})
  public List<NodeView> nodes() {
    return directory.views();
  }
}
