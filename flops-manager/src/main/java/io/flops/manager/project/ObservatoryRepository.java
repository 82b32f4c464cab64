package io.flops.manager.project;

import org.springframework.data.mongodb.repository.MongoRepository;

/** Stored observatories, by customer. */
public interface ObservatoryRepository extends MongoRepository<Observatory, String> {}
