package io.flops.manager.embedded;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import java.util.List;
import org.h2.mvstore.MVStore;

/**
 * mongo-java-server's H2 backend whose unique indexes (the {@code _id} index above all) also serve
 * queries that name more fields than the index: a versioned save ({@code {_id, version}}, Spring
 * Data's optimistic lock) looks its document up by id instead of scanning the whole collection
 * under the collection's lock (see {@link KeyLookupIndex}); their keys are compared value by value
 * rather than by Java serialization ({@link IndexKeyType}).
 */
final class EmbeddedBackend extends H2Backend {

  EmbeddedBackend(MVStore store) {
    super(store);
  }

  @Override
  protected MongoDatabase openOrCreateDatabase(String databaseName) {
    return new Database(databaseName);
  }

  /**
   * An inner class on purpose: H2Database opens the existing indexes in its constructor, before a
   * field of this class would be set, but the enclosing backend (and its store) is already known.
   */
  private final class Database extends H2Database {

    Database(String name) {
      super(name, EmbeddedBackend.this.getMvStore(), EmbeddedBackend.this.getCursorRegistry());
    }

    /** The name H2Database gives an index's map ({@code <db>.<collection>._index_<index>}). */
    String indexMapName(String collectionName, String indexName) {
      return getFullCollectionNamespace(collectionName) + "._index_" + indexName;
    }

    /**
     * Opens the index's map with {@link IndexKeyType} first (under the name H2Database gives it),
     * so the index H2Database opens on it compares keys value by value.
     */
    @Override
    protected Index<Object> openOrCreateUniqueIndex(
        String collectionName, String indexName, List<IndexKey> keys, boolean sparse) {
      IndexKeyType.open(EmbeddedBackend.this.getMvStore(), indexMapName(collectionName, indexName));
      return new KeyLookupIndex<>(
          super.openOrCreateUniqueIndex(collectionName, indexName, keys, sparse));
    }
  }
}
