package io.flops.manager.project;

import io.flops.common.api.ProjectState;
import java.util.ArrayList;
import java.util.List;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

/**
 * The stored projects a page at a time, newest first (creation time, then id, both descending): the
 * store filters, orders and limits (keyset paging from a {@link ProjectCursor}), so a page costs
 * the same however many projects there are.
 */
public class ProjectListing {

  private static final Sort NEWEST_FIRST =
      Sort.by(Sort.Order.desc("createdAt"), Sort.Order.desc("id"));

  private final MongoOperations mongo;

  public ProjectListing(MongoOperations mongo) {
    this.mongo = mongo;
  }

  /**
   * The page of at most {@code limit} projects after {@code after}.
   *
   * @param customerId only this customer's projects; null: everyone's
   * @param state only projects in this state; null: any
   * @param after where the page starts; null: with the newest project
   * @param limit the most projects the page holds, at least 1
   */
  public ProjectPage page(String customerId, ProjectState state, ProjectCursor after, int limit) {
    List<Criteria> filters = filters(customerId, state);
    List<Criteria> conditions = new ArrayList<>(filters);
    if (after != null) {
      conditions.add(before(after));
    }
    Query query = new Query(all(conditions)).with(NEWEST_FIRST).limit(limit + 1);
    List<Project> found = mongo.find(query, Project.class);
    long total = mongo.count(new Query(all(filters)), Project.class);
    if (found.size() <= limit) {
      return new ProjectPage(found, null, total);
    }
    List<Project> page = found.subList(0, limit);
    return new ProjectPage(page, ProjectCursor.after(page.get(limit - 1)), total);
  }

  private static List<Criteria> filters(String customerId, ProjectState state) {
    List<Criteria> filters = new ArrayList<>();
    if (customerId != null) {
      filters.add(Criteria.where("customerId").is(customerId));
    }
    if (state != null) {
      filters.add(Criteria.where("state").is(state));
    }
    return filters;
  }

  /** The projects that come after {@code cursor} newest first. */
  private static Criteria before(ProjectCursor cursor) {
    return new Criteria()
        .orOperator(
            Criteria.where("createdAt").lt(cursor.createdAt()),
            Criteria.where("createdAt").is(cursor.createdAt()).and("id").lt(cursor.id()));
  }

  private static Criteria all(List<Criteria> conditions) {
    return switch (conditions.size()) {
      case 0 -> new Criteria();
      case 1 -> conditions.get(0);
      default -> new Criteria().andOperator(conditions);
    };
  }
}
