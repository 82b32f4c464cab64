package io.flops.manager.project;

import io.flops.common.api.ProjectState;
import java.util.Collection;
import java.util.List;
import org.springframework.data.mongodb.repository.MongoRepository;

/** Stored projects. */
public interface ProjectRepository extends MongoRepository<Project, String> {

  List<Project> findByCustomerIdOrderByCreatedAtDesc(String customerId);

  List<Project> findByStateOrderByCreatedAtDesc(ProjectState state);

  List<Project> findByCustomerIdAndStateOrderByCreatedAtDesc(String customerId, ProjectState state);

  List<Project> findAllByOrderByCreatedAtDesc();

  List<Project> findByStateIn(Collection<ProjectState> states);

  long countByCustomerIdAndStateIn(String customerId, Collection<ProjectState> states);
}
