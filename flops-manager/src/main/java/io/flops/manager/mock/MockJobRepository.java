package io.flops.manager.mock;

import io.flops.common.api.MockJobState;
import org.springframework.data.mongodb.repository.MongoRepository;

/** The mock-data jobs. */
public interface MockJobRepository extends MongoRepository<MockJob, String> {

  long countByCustomerIdAndState(String customerId, MockJobState state);
}
