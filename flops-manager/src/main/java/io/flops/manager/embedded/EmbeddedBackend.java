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
 * under the collection's lock (see {@link KeyLookupIndex}).
 */
final class EmbeddedBackend extends H2Backend {

  EmbeddedBackend(MVStore store) {
    super(store);
  }

  @Override
  protected MongoDatabase openOrCreateDatabase(String databaseName) {
    return new Database(databaseName, getMvStore(), this);
  }

  private static final class Database extends H2Database {

    Database(String name, MVStore store, EmbeddedBackend backend) {
      super(name, store, backend.getCursorRegistry());
    }

    @Override
    protected Index<Object> openOrCreateUniqueIndex(
        String collectionName, String indexName, List<IndexKey> keys, boolean sparse) {
      return new KeyLookupIndex<>(
          super.openOrCreateUniqueIndex(collectionName, indexName, keys, sparse));
    }
  }
}
