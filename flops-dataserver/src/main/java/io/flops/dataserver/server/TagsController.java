package io.flops.dataserver.server;

import io.flops.common.api.DataTagView;
import io.flops.dataserver.store.DatasetStore;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/tags} on the HTTP port: what the data server holds per data tag, read by the
 * manager for its node listing ({@code GET /api/flops/nodes}).
 */
@RestController
class TagsController {

  private final DatasetStore store;

  TagsController(DatasetStore store) {
    this.store = store;
  }

  @GetMapping("/api/tags")
  List<DataTagView> tags() {
    return store.statsByTag().entrySet().stream()
        .map(
            e ->
                new DataTagView(
                    e.getKey(), e.getValue().datasets(), e.getValue().rows(), e.getValue().bytes()))
        .toList();
  }
}
