package io.flops.dataserver.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.flops.dataserver.TestTables;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatasetStoreTest {

  @TempDir Path directory;

  @Test
  void aPutThatBreaksOffLeavesNoDataSetAndNoTemporaryFile() throws Exception {
    try (BufferAllocator allocator = new RootAllocator();
        VectorSchemaRoot root = VectorSchemaRoot.create(TestTables.schema("train"), allocator)) {
      DatasetStore store = DatasetStore.open(directory, allocator);
      var filler = TestTables.filler(1, 1_000, 100);
      int[] batches = {0};
      BatchSource breaking =
          new BatchSource() {
            @Override
            public VectorSchemaRoot root() {
              return root;
            }

            @Override
            public boolean next() {
              if (++batches[0] > 3) {
                throw new IllegalStateException("connection lost");
              }
              return filler.fillNext(root);
            }
          };

      assertThatThrownBy(() -> store.put("mnist", breaking)).hasMessage("connection lost");
      assertThat(store.list(List.of())).isEmpty();
      assertThat(filesUnder(directory)).isEmpty();
    }
  }

  @Test
  void leftoversOfACrashAreRemovedAndForeignFilesIgnoredOnOpen() throws Exception {
    Path incoming = Files.createDirectories(directory.resolve(".incoming"));
    Files.write(incoming.resolve("half.part"), new byte[] {1, 2, 3});
    Files.writeString(directory.resolve("notes.txt"), "not a data set");
    try (BufferAllocator allocator = new RootAllocator()) {
      DatasetStore store = DatasetStore.open(directory, allocator);

      assertThat(store.list(List.of())).isEmpty();
      assertThat(incoming.resolve("half.part")).doesNotExist();
    }
  }

  private static List<Path> filesUnder(Path directory) throws Exception {
    try (Stream<Path> files = Files.walk(directory)) {
      return files.filter(Files::isRegularFile).toList();
    }
  }
}
