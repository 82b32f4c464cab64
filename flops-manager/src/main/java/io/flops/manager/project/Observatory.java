package io.flops.manager.project;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A customer's observatory application (one per customer), created on the customer's first project.
 *
 * @param customerId the customer
 * @param applicationId the orchestrator's application id
 */
@Document("observatories")
public record Observatory(@Id String customerId, String applicationId) {}
