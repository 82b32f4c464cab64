package io.flops.manager.access;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A customer's API token as stored: only its SHA-256, so the store never holds a usable token.
 *
 * @param hash hex SHA-256 of the token
 * @param customerId whose token it is
 * @param createdAt when the admin created it
 */
@Document("customer_tokens")
public record CustomerToken(@Id String hash, String customerId, Instant createdAt) {}
