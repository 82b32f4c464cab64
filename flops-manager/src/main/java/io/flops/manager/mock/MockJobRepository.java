package io.flops.manager.mock;

import org.springframework.data.mongodb.repository.MongoRepository;

/** The mock-data jobs. */
public interface MockJobRepository extends MongoRepository<MockJob, String> {}
