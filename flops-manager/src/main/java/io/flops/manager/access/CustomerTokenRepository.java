package io.flops.manager.access;

import java.util.List;
import org.springframework.data.mongodb.repository.MongoRepository;

/** The stored customer tokens. */
public interface CustomerTokenRepository extends MongoRepository<CustomerToken, String> {

  /** Every token of {@code customerId}. */
  List<CustomerToken> findByCustomerId(String customerId);
}
