package io.flops.manager.embedded;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.exception.KeyConstraintError;

/**
 * A unique index that also answers queries naming more top-level fields than its keys, e.g. {@code
 * {_id: "p1", version: 3}}: it finds the candidates by its own keys alone and the collection then
 * matches them against the whole query (top-level fields are a conjunction, so the candidates hold
 * every match). mongo-java-server only uses an index whose keys are exactly the query's, so without
 * this every versioned save scanned the whole collection.
 */
final class KeyLookupIndex<P> extends Index<P> {

  private final Index<P> index;

  KeyLookupIndex(Index<P> index) {
    super(
        index.getName(),
        index.getKeys(),
        Boolean.TRUE.equals(index.toIndexDescription().get("sparse")));
    this.index = index;
  }

  @Override
  public boolean canHandle(Document query) {
    return index.canHandle(query) || index.canHandle(ownKeys(query));
  }

  @Override
  public Iterable<P> getPositions(Document query) {
    return index.canHandle(query) ? index.getPositions(query) : index.getPositions(ownKeys(query));
  }

  /** The query's conditions on this index's keys, or the query itself when it lacks one. */
  private Document ownKeys(Document query) {
    if (!query.keySet().containsAll(keySet())) {
      return query;
    }
    Document own = new Document();
    for (String key : keys()) {
      own.put(key, query.get(key));
    }
    return own;
  }

  @Override
  public P getPosition(Document document) {
    return index.getPosition(document);
  }

  @Override
  public void checkAdd(Document document, MongoCollection<P> collection) {
    index.checkAdd(document, collection);
  }

  @Override
  public void add(Document document, P position, MongoCollection<P> collection) {
    index.add(document, position, collection);
  }

  @Override
  public P remove(Document document) {
    return index.remove(document);
  }

  @Override
  public long getCount() {
    return index.getCount();
  }

  @Override
  public boolean isEmpty() {
    return index.isEmpty();
  }

  @Override
  public long getDataSize() {
    return index.getDataSize();
  }

  @Override
  public void checkUpdate(
      Document oldDocument, Document newDocument, MongoCollection<P> collection) {
    index.checkUpdate(oldDocument, newDocument, collection);
  }

  @Override
  public void updateInPlace(
      Document oldDocument, Document newDocument, P position, MongoCollection<P> collection)
      throws KeyConstraintError {
    index.updateInPlace(oldDocument, newDocument, position, collection);
  }

  @Override
  public void drop() {
    index.drop();
  }

  @Override
  public boolean isUnique() {
    return index.isUnique();
  }

  @Override
  public Document toIndexDescription() {
    return index.toIndexDescription();
  }
}
