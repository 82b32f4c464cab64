package io.flops.manager.project;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.bson.Document;
import org.springframework.data.mongodb.core.convert.MongoConverter;

/**
 * The last saved state of every project that has not ended, as the store holds it (the mapped
 * document, version included), so that {@link ProjectStore#change} starts from memory instead of a
 * store read. A copy is taken out while a change runs and put back only once the change is saved: a
 * failed change, or a save that lost against another manager (the version check), leaves no copy
 * and the next change reads the store again. Each change gets its own object, never one another
 * thread holds.
 */
public final class ProjectCopies {

  private final MongoConverter converter;
  private final Map<String, Document> documents = new ConcurrentHashMap<>();

  /** Copies mapped with the store's own converter. */
  public ProjectCopies(MongoConverter converter) {
    this.converter = converter;
  }

  /** Takes the copy of project {@code id} out, if there is one. */
  Optional<Project> take(String id) {
    Document document = documents.remove(id);
    return document == null
        ? Optional.empty()
        : Optional.of(converter.read(Project.class, document));
  }

  /** Keeps a copy of {@code saved}, as saved; a project that ended is not kept. */
  void keep(Project saved) {
    if (saved.getState().isTerminal()) {
      documents.remove(saved.getId());
      return;
    }
    Document document = new Document();
    converter.write(saved, document);
    documents.put(saved.getId(), document);
  }

  /** Forgets every copy (the store was emptied). */
  void clear() {
    documents.clear();
  }

  /** How many projects have a copy. */
  int size() {
    return documents.size();
  }
}
