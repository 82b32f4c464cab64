package io.flops.manager.project;

import io.flops.common.api.ProjectState;
import java.util.Arrays;
import java.util.List;
import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.aggregation.Aggregation;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * How many projects of each customer have not ended, kept in the store (collection {@value
 * #COLLECTION}, one document per customer) so the quota of a new project is one atomic look-up
 * instead of a count over every project, and holds under concurrent requests and several managers
 * on one store. A project takes its place before it is stored ({@link #tryTake}) and gives it back
 * when it ends ({@link ProjectEndListener}). The counts are recounted from the projects themselves
 * at start-up, so a manager that stopped between the two writes leaves no lasting error.
 */
public final class RunningProjects implements ProjectEndListener {

  /** The collection of the counts. */
  public static final String COLLECTION = "running_projects";

  private static final String RUNNING = "running";

  private final MongoOperations mongo;

  public RunningProjects(MongoOperations mongo) {
    this.mongo = mongo;
  }

  /**
   * Takes a place for a new project of {@code customerId}, unless the customer has {@code limit}
   * projects that have not ended.
   *
   * @return whether the place was taken
   */
  public boolean tryTake(String customerId, int limit) {
    Query belowLimit = Query.query(Criteria.where("_id").is(customerId).and(RUNNING).lt(limit));
    try {
      mongo.findAndModify(
          belowLimit,
          new Update().inc(RUNNING, 1),
          FindAndModifyOptions.options().upsert(true).returnNew(true),
          Document.class,
          COLLECTION);
      return true;
    } catch (DuplicateKeyException atLimit) {
      return false;
    }
  }

  /** Gives back a place taken for a project that was never stored. */
  public void giveBack(String customerId) {
    mongo.updateFirst(
        Query.query(Criteria.where("_id").is(customerId).and(RUNNING).gt(0)),
        new Update().inc(RUNNING, -1),
        COLLECTION);
  }

  /** How many projects of {@code customerId} have not ended, as counted. */
  public long of(String customerId) {
    Document count = mongo.findById(customerId, Document.class, COLLECTION);
    return count == null ? 0 : ((Number) count.get(RUNNING)).longValue();
  }

  @Override
  public void ended(Project project) {
    giveBack(project.getCustomerId());
  }

  /** Counts every customer's projects that have not ended again, from the projects. */
  public void recount() {
    List<ProjectState> active =
        Arrays.stream(ProjectState.values()).filter(state -> !state.isTerminal()).toList();
    List<Document> counts =
        mongo
            .aggregate(
                Aggregation.newAggregation(
                    Aggregation.match(Criteria.where("state").in(active)),
                    Aggregation.group("customerId").count().as(RUNNING)),
                Project.class,
                Document.class)
            .getMappedResults();
    mongo.remove(new Query(), COLLECTION);
    if (!counts.isEmpty()) {
      mongo.insert(counts, COLLECTION);
    }
  }
}
