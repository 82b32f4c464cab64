package io.flops.manager.orchestration.oakestra;

import java.util.Optional;
import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

/**
 * Round-robin IP allocations in MongoDB: one document per IP ({@code _id} = the IP, so a second
 * claim of the same IP fails atomically), with the owning service name.
 */
public final class MongoIpAllocationStore implements IpAllocationStore {

  /** The collection holding the allocations. */
  public static final String COLLECTION = "oakestraRoundRobinIps";

  private final MongoTemplate mongo;

  public MongoIpAllocationStore(MongoTemplate mongo) {
    this.mongo = mongo;
  }

  @Override
  public boolean claim(String ip, String owner) {
    try {
      mongo.insert(new Document("_id", ip).append("owner", owner), COLLECTION);
      return true;
    } catch (DuplicateKeyException taken) {
      return false;
    }
  }

  @Override
  public Optional<String> ipOf(String owner) {
    Document found = mongo.findOne(byOwner(owner), Document.class, COLLECTION);
    return Optional.ofNullable(found).map(d -> d.getString("_id"));
  }

  @Override
  public void release(String owner) {
    mongo.remove(byOwner(owner), COLLECTION);
  }

  private static Query byOwner(String owner) {
    return Query.query(Criteria.where("owner").is(owner));
  }
}
