package io.flops.manager.orchestration.oakestra;

import java.util.List;
import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

/**
 * Host port allocations in MongoDB: one document per port ({@code _id} = the port, so a second
 * claim of the same port fails atomically), with the owning service name.
 */
public final class MongoHostPortStore implements HostPortStore {

  /** The collection holding the allocations. */
  public static final String COLLECTION = "oakestraHostPorts";

  private final MongoTemplate mongo;

  public MongoHostPortStore(MongoTemplate mongo) {
    this.mongo = mongo;
  }

  @Override
  public boolean claim(int port, String owner) {
    try {
      mongo.insert(new Document("_id", port).append("owner", owner), COLLECTION);
      return true;
    } catch (DuplicateKeyException taken) {
      return false;
    }
  }

  @Override
  public List<Integer> portsOf(String owner) {
    Query query = byOwner(owner).with(Sort.by("_id"));
    return mongo.find(query, Document.class, COLLECTION).stream()
        .map(d -> d.getInteger("_id"))
        .toList();
  }

  @Override
  public void release(String owner) {
    mongo.remove(byOwner(owner), COLLECTION);
  }

  private static Query byOwner(String owner) {
    return Query.query(Criteria.where("owner").is(owner));
  }
}
