package io.flops.manager.project;

import io.flops.common.api.ProjectState;
import java.util.Collection;
import java.util.List;
import org.springframework.data.mongodb.repository.MongoRepository;

/** Stored projects; {@link ProjectListing} lists them a page at a time. */
public interface ProjectRepository extends MongoRepository<Project, String> {

  List<Project> findByStateIn(Collection<ProjectState> states);

  /** The projects in {@code states} that still have a service not undeployed. */
  List<Project> findByStateInAndServicesUndeployedFalse(Collection<ProjectState> states);
}
